ALTER TABLE `bookings` ADD `invite_uid_host` text;--> statement-breakpoint
-- Invites already sent carry UID <booking>@opendoor: pin that host on every existing booking so
-- their updates and cancellations keep matching (src/features/calendar/ics.ts inviteUid).
UPDATE `bookings` SET `invite_uid_host` = 'opendoor';
