CREATE TABLE `directory_categories` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`pictogram` text DEFAULT 'other' NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `directory_changes` (
	`id` text PRIMARY KEY NOT NULL,
	`service_id` text NOT NULL,
	`organisation_id` text NOT NULL,
	`kind` text NOT NULL,
	`proposal` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`proposed_by` text NOT NULL,
	`decided_by` text,
	`decided_at` integer,
	`last_op` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `directory_changes_status_idx` ON `directory_changes` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `directory_changes_service_idx` ON `directory_changes` (`service_id`);--> statement-breakpoint
CREATE TABLE `directory_poster_scans` (
	`poster` text PRIMARY KEY NOT NULL,
	`scans` integer DEFAULT 0 NOT NULL,
	`last_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `directory_services` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`category_id` text NOT NULL,
	`name` text NOT NULL,
	`description` text NOT NULL,
	`audiences` text DEFAULT '[]' NOT NULL,
	`min_age` integer,
	`max_age` integer,
	`access_methods` text DEFAULT '[]' NOT NULL,
	`hours` text DEFAULT '[]' NOT NULL,
	`venue_id` text,
	`online_url` text,
	`by_phone` integer DEFAULT false NOT NULL,
	`contact_phone` text,
	`contact_email` text,
	`website` text,
	`languages` text DEFAULT '["en"]' NOT NULL,
	`free` integer DEFAULT true NOT NULL,
	`cost_note` text,
	`last_checked_on` text NOT NULL,
	`search_text` text DEFAULT '' NOT NULL,
	`withdrawn` integer DEFAULT false NOT NULL,
	`last_op` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`venue_id`) REFERENCES `venues`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `directory_services_category_idx` ON `directory_services` (`category_id`);--> statement-breakpoint
CREATE INDEX `directory_services_org_idx` ON `directory_services` (`organisation_id`);