CREATE TABLE `careers_rules` (
	`id` text PRIMARY KEY NOT NULL,
	`benchmark` text NOT NULL,
	`event_type` text,
	`host_organisation_id` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`host_organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `contributors` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`name` text NOT NULL,
	`organisation_id` text,
	`organisation_name` text DEFAULT '' NOT NULL,
	`role` text NOT NULL,
	`person_id` text,
	`minutes` integer,
	`confirmed_at` integer,
	`recorded_by` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `contributors_session_idx` ON `contributors` (`session_id`);--> statement-breakpoint
CREATE INDEX `contributors_person_idx` ON `contributors` (`person_id`);--> statement-breakpoint
CREATE TABLE `record_shares` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`revoked_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `record_shares_token_unique` ON `record_shares` (`token_hash`);--> statement-breakpoint
CREATE INDEX `record_shares_person_idx` ON `record_shares` (`person_id`);--> statement-breakpoint
CREATE TABLE `timebank_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`minutes` integer NOT NULL,
	`holder_key` text NOT NULL,
	`person_id` text,
	`contributor_id` text,
	`session_id` text,
	`booking_id` text,
	`offer_id` text,
	`organisation_id` text,
	`subject_key` text,
	`credit_key` text,
	`reverses_id` text,
	`note` text,
	`created_by` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contributor_id`) REFERENCES `contributors`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`booking_id`) REFERENCES `bookings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `timebank_entries_credit_unique` ON `timebank_entries` (`credit_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `timebank_entries_reverses_unique` ON `timebank_entries` (`reverses_id`);--> statement-breakpoint
CREATE INDEX `timebank_entries_holder_idx` ON `timebank_entries` (`holder_key`,`at`);--> statement-breakpoint
CREATE INDEX `timebank_entries_subject_idx` ON `timebank_entries` (`subject_key`);--> statement-breakpoint
CREATE INDEX `timebank_entries_org_idx` ON `timebank_entries` (`organisation_id`,`at`);--> statement-breakpoint
CREATE INDEX `timebank_entries_at_idx` ON `timebank_entries` (`at`);--> statement-breakpoint
CREATE TABLE `timebank_offers` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`cost_minutes` integer NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `timebank_offers_org_idx` ON `timebank_offers` (`organisation_id`);--> statement-breakpoint
-- Rule 18: ledger entries are never edited or removed; a correction is a reversing entry.
CREATE TRIGGER `timebank_entries_no_update` BEFORE UPDATE ON `timebank_entries`
BEGIN
  SELECT RAISE(ABORT, 'timebank_entries is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `timebank_entries_no_delete` BEFORE DELETE ON `timebank_entries`
BEGIN
  SELECT RAISE(ABORT, 'timebank_entries is append-only');
END;
