// Reads calendar files the way Thunderbird does (ical.js), using the VTIMEZONE the file
// itself carries, so a wrong or missing zone definition shows up as a wrong time.
import ICAL from "ical.js";

export interface ParsedEvent {
  uid: string;
  sequence: number;
  status: string | null;
  summary: string;
  location: string | null;
  description: string | null;
  url: string | null;
  organizer: string | null;
  attendees: string[];
  /** DTSTART as written: local wall time and its TZID. */
  startLocal: string;
  startZone: string | null;
  /** DTSTART resolved through the file's VTIMEZONE. */
  startUtc: string;
  endUtc: string;
}

export function parseIcs(text: string): { method: string | null; timezones: string[]; events: ParsedEvent[]; raw: string } {
  const root = new ICAL.Component(ICAL.parse(text));
  const zones = root.getAllSubcomponents("vtimezone").map((c) => new ICAL.Timezone(c));
  const byId = new Map(zones.map((z) => [z.tzid, z]));
  const resolve = (prop: ICAL.Property) => {
    const time = prop.getFirstValue() as ICAL.Time;
    const tzid = prop.getParameter("tzid") as string | undefined;
    if (tzid) {
      const zone = byId.get(tzid);
      if (!zone) throw new Error(`no VTIMEZONE for ${tzid}`);
      time.zone = zone;
    }
    return { time, tzid: tzid ?? null };
  };
  const events = root.getAllSubcomponents("vevent").map((v) => {
    const start = resolve(v.getFirstProperty("dtstart")!);
    const end = resolve(v.getFirstProperty("dtend")!);
    return {
      uid: String(v.getFirstPropertyValue("uid")),
      sequence: Number(v.getFirstPropertyValue("sequence") ?? 0),
      status: (v.getFirstPropertyValue("status") as string | null) ?? null,
      summary: String(v.getFirstPropertyValue("summary") ?? ""),
      location: (v.getFirstPropertyValue("location") as string | null) ?? null,
      description: (v.getFirstPropertyValue("description") as string | null) ?? null,
      url: (v.getFirstPropertyValue("url") as string | null) ?? null,
      organizer: (v.getFirstPropertyValue("organizer") as string | null) ?? null,
      attendees: v.getAllProperties("attendee").map((a) => String(a.getFirstValue()).toLowerCase()),
      startLocal: start.time.toString(),
      startZone: start.tzid,
      startUtc: start.time.toJSDate().toISOString(),
      endUtc: end.time.toJSDate().toISOString(),
    };
  });
  return {
    method: (root.getFirstPropertyValue("method") as string | null) ?? null,
    timezones: zones.map((z) => z.tzid),
    events,
    raw: text,
  };
}

/** Decodes a Resend attachment (base64 of UTF-8). */
export const fromBase64 = (b64: string) => new TextDecoder().decode(Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0)));
