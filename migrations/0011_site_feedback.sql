CREATE TABLE `form_keys` (
	`name` text PRIMARY KEY NOT NULL,
	`secret` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `programme_notes` (
	`id` text PRIMARY KEY NOT NULL,
	`you_said` text NOT NULL,
	`we_did` text NOT NULL,
	`locale` text DEFAULT 'en' NOT NULL,
	`feedback_id` text,
	`author_id` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`author_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `programme_notes_created_idx` ON `programme_notes` (`created_at`);--> statement-breakpoint
CREATE TABLE `site_feedback` (
	`id` text PRIMARY KEY NOT NULL,
	`page` text NOT NULL,
	`locale` text DEFAULT 'en' NOT NULL,
	`what_works` text DEFAULT '' NOT NULL,
	`to_improve` text DEFAULT '' NOT NULL,
	`reply_email` text,
	`status` text DEFAULT 'new' NOT NULL,
	`replied_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `site_feedback_status_idx` ON `site_feedback` (`status`,`created_at`);