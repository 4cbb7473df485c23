import encodeQR from "qr";
import { auditRead } from "../audit/record";
import type { Deps } from "../../lib/deps";
import type { Actor } from "../../lib/env";
import { refuse, type PlainReason } from "../../lib/refusal";
import { loadVisibleBooking } from "../bookings/lookups";

/**
 * The ticket as an SVG QR code of the booking's opaque ticket code (never the booking id, so
 * a scanned ticket reveals nothing and cannot be guessed from a URL). Medium error correction
 * survives a cracked phone screen or a creased print-out; a 4-module quiet zone as the
 * standard asks; a white background so dark-mode viewers do not invert it into nothing.
 */
export function ticketSvg(ticketCode: string): string {
  const svg = encodeQR(ticketCode, "svg", { ecc: "medium", border: 4, optimize: false });
  const label = `Ticket ${escapeXml(ticketCode)}`;
  return svg.replace(
    /^<svg /,
    `<svg role="img" aria-label="${label}" width="256" height="256" shape-rendering="crispEdges" `,
  ).replace(/(<svg[^>]*>)/, `$1<title>${label}</title><rect width="100%" height="100%" fill="#fff"/>`);
}

function escapeXml(value: string): string {
  return value.replace(/[<>&"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** Why a booking in each of these statuses has no ticket to show. */
const NO_TICKET: Partial<Record<string, PlainReason>> = {
  pending_consent: "no_ticket_pending_consent",
  waitlisted: "no_ticket_waitlisted",
  offered: "no_ticket_offered",
  cancelled: "no_ticket_cancelled",
  no_show: "no_ticket_no_show",
};

/**
 * The same QR code as a GIF, base64: the confirmation email carries it as an inline image
 * (mail clients do not show SVG). The code alone, as on the ticket page, so the door's scanner
 * reads either. 6 pixels a module: about 200 px square.
 */
export function ticketGif(ticketCode: string): string {
  const gif = encodeQR(ticketCode, "gif", { ecc: "medium", border: 4, scale: 6 });
  let binary = "";
  for (const byte of gif) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export async function ticketFor(deps: Deps, actor: Actor, bookingId: string): Promise<{ svg: string; ticketCode: string }> {
  const booking = await loadVisibleBooking(deps, actor, bookingId);
  if (booking.kind === "mentoring") throw refuse("mentoring_no_ticket");
  const refusal = NO_TICKET[booking.status];
  if (refusal) throw refuse(refusal);
  // The code is the way in: a coordinator looking at someone's ticket leaves a trace (rule 14).
  await auditRead(deps.db, actor, { action: "ticket.read", subjectType: "booking", subjectId: booking.id }, deps.clock.now());
  return { svg: ticketSvg(booking.ticketCode), ticketCode: booking.ticketCode };
}
