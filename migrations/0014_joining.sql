CREATE TABLE `booking_age_flags` (
	`id` text PRIMARY KEY NOT NULL,
	`booking_id` text NOT NULL,
	`person_id` text NOT NULL,
	`age` integer NOT NULL,
	`min_age` integer NOT NULL,
	`max_age` integer NOT NULL,
	`resolved_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`booking_id`) REFERENCES `bookings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `booking_age_flags_open_idx` ON `booking_age_flags` (`resolved_at`,`created_at`);--> statement-breakpoint
CREATE INDEX `booking_age_flags_booking_idx` ON `booking_age_flags` (`booking_id`);--> statement-breakpoint
CREATE TABLE `email_changes` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`new_email` text NOT NULL,
	`token_hash` text NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `email_changes_token_unique` ON `email_changes` (`token_hash`);--> statement-breakpoint
CREATE INDEX `email_changes_person_idx` ON `email_changes` (`person_id`);--> statement-breakpoint
CREATE TABLE `join_details` (
	`person_id` text PRIMARY KEY NOT NULL,
	`school` text,
	`access_needs` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `parental_confirmations` (
	`person_id` text PRIMARY KEY NOT NULL,
	`parent_email` text NOT NULL,
	`token_hash` text NOT NULL,
	`confirmed_at` integer,
	`confirm_op` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `parental_confirmations_token_unique` ON `parental_confirmations` (`token_hash`);