ALTER TABLE `bookings` ADD `feedback_token_hash` text;--> statement-breakpoint
CREATE INDEX `outbox_template_created_idx` ON `outbox` (`template`,`created_at`);