ALTER TABLE `venues` ADD `holds_several_sessions` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `sessions_venue_start_idx` ON `sessions` (`venue_id`,`starts_at`);