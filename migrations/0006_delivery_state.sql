CREATE TABLE `delivery_state` (
	`channel` text PRIMARY KEY NOT NULL,
	`failures` integer DEFAULT 0 NOT NULL,
	`open_until` integer,
	`window_start` integer DEFAULT 0 NOT NULL,
	`window_count` integer DEFAULT 0 NOT NULL,
	`last_grant` integer DEFAULT 0 NOT NULL
);
