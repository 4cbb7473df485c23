CREATE TABLE `carousel_groups` (
	`id` text PRIMARY KEY NOT NULL,
	`carousel_id` text NOT NULL,
	`school_id` text NOT NULL,
	`booked_by` text,
	`label` text NOT NULL,
	`pupils` integer NOT NULL,
	`staff` integer NOT NULL,
	`seats` integer NOT NULL,
	`min_age` integer NOT NULL,
	`max_age` integer NOT NULL,
	`access_needs` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'confirmed' NOT NULL,
	`checked_in_pupils` integer,
	`checked_in_staff` integer,
	`checked_in_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`carousel_id`) REFERENCES `carousels`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`school_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`booked_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `carousel_groups_carousel_idx` ON `carousel_groups` (`carousel_id`,`status`);--> statement-breakpoint
CREATE INDEX `carousel_groups_school_idx` ON `carousel_groups` (`school_id`);--> statement-breakpoint
CREATE TABLE `carousel_stations` (
	`id` text PRIMARY KEY NOT NULL,
	`carousel_id` text NOT NULL,
	`host_organisation_id` text NOT NULL,
	`name` text NOT NULL,
	`capacity` integer NOT NULL,
	`min_age` integer,
	`max_age` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`carousel_id`) REFERENCES `carousels`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`host_organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `carousel_stations_carousel_idx` ON `carousel_stations` (`carousel_id`);--> statement-breakpoint
CREATE INDEX `carousel_stations_host_idx` ON `carousel_stations` (`host_organisation_id`);--> statement-breakpoint
CREATE TABLE `carousel_visits` (
	`id` text PRIMARY KEY NOT NULL,
	`carousel_id` text NOT NULL,
	`group_id` text NOT NULL,
	`station_id` text NOT NULL,
	`round` integer NOT NULL,
	`attended_pupils` integer,
	`attended_at` integer,
	FOREIGN KEY (`carousel_id`) REFERENCES `carousels`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`group_id`) REFERENCES `carousel_groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`station_id`) REFERENCES `carousel_stations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `carousel_visits_group_round_unique` ON `carousel_visits` (`group_id`,`round`);--> statement-breakpoint
CREATE UNIQUE INDEX `carousel_visits_group_station_unique` ON `carousel_visits` (`group_id`,`station_id`);--> statement-breakpoint
CREATE INDEX `carousel_visits_station_idx` ON `carousel_visits` (`station_id`,`round`);--> statement-breakpoint
CREATE INDEX `carousel_visits_carousel_idx` ON `carousel_visits` (`carousel_id`);--> statement-breakpoint
CREATE TABLE `carousels` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`venue_id` text,
	`starts_at` integer NOT NULL,
	`round_minutes` integer NOT NULL,
	`changeover_minutes` integer NOT NULL,
	`rounds` integer NOT NULL,
	`pupils_per_staff` integer DEFAULT 10 NOT NULL,
	`bookings_close_at` integer NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`plan` text,
	`planned_at` integer,
	`timetables_sent_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`venue_id`) REFERENCES `venues`(`id`) ON UPDATE no action ON DELETE no action
);
