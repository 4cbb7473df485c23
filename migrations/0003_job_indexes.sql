CREATE INDEX `bookings_reminder_idx` ON `bookings` (`status`,`reminder_sent_at`,`starts_at`);--> statement-breakpoint
CREATE INDEX `bookings_ends_idx` ON `bookings` (`ends_at`);