ALTER TABLE `venues` ADD `directions` text;--> statement-breakpoint
-- Venue directions and mentor bios become text per language: the one text each had is English.
UPDATE `venues` SET `public_transport` = json_object('en', `public_transport`);--> statement-breakpoint
UPDATE `mentors` SET `bio` = json_object('en', `bio`);
