import { z } from "@hono/zod-openapi";
import { BOOKING_STATUSES, type bookings } from "../../db/schema";
import { iso, isoOrNull } from "../../lib/time";

export type BookingRow = typeof bookings.$inferSelect;

export const BookingSchema = z
  .object({
    id: z.string(),
    kind: z.enum(["individual", "group", "mentoring", "family"]),
    sessionId: z.string().nullable(),
    status: z.enum(BOOKING_STATUSES),
    title: z.string().optional().describe("The event's title (English)"),
    position: z.number().int().optional().describe("Place on the waiting list (1 = next in line)"),
    holdExpiresAt: z.string().nullable().describe("When a held seat (waiting for consent, or offered) is let go"),
    ticketCode: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    seats: z.number().int(),
    pupils: z.number().int(),
    staff: z.number().int(),
    organisationId: z.string().nullable(),
    accessNeeds: z.string(),
    roster: z.array(z.string()).nullable(),
    cancelReason: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi("Booking");

export function bookingOut(b: BookingRow, extra: { position?: number; title?: string } = {}) {
  return {
    id: b.id,
    ...(extra.title !== undefined ? { title: extra.title } : {}),
    kind: b.kind,
    sessionId: b.sessionId,
    status: b.status,
    ...(extra.position !== undefined ? { position: extra.position } : {}),
    holdExpiresAt: isoOrNull(b.holdExpiresAt),
    ticketCode: b.ticketCode,
    startsAt: iso(b.startsAt),
    endsAt: iso(b.endsAt),
    seats: b.seats,
    pupils: b.pupils,
    staff: b.staff,
    organisationId: b.organisationId,
    accessNeeds: b.accessNeeds,
    roster: b.roster,
    cancelReason: b.cancelReason,
    createdAt: iso(b.createdAt),
  };
}
