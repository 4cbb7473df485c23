import type { Deps } from "../../lib/deps";
import { toCsv } from "./csv";
import { byEventType, sessionFigures } from "./figures";

const PROGRAMME_REPORT_HEADER = [
  "Event type",
  "Sessions",
  "Bookings",
  "Individual bookings",
  "Group bookings",
  "Seats booked",
  "Attended",
  "No-shows",
  "Attendance rate (%)",
  "No-show rate (%)",
  "Seats checked in",
  "Cancelled",
  "Feedback given",
  "Average rating",
];

/**
 * Programme figures by event type for sessions starting in the range (figures.ts: the same
 * per-session figures the dashboards draw). Counts only: no names, ids or free text, so the
 * file can be shared with funders. Rates are over bookings whose outcome is known (attended or
 * no-show).
 */
async function programmeReport(deps: Deps, from: string, to: string) {
  return byEventType(await sessionFigures(deps, from, to)).map(({ type, tally }) => ({ type, ...tally }));
}

const percent = (part: number, whole: number) => (whole === 0 ? "" : (Math.round((part / whole) * 1000) / 10).toFixed(1));

export async function programmeReportCsv(deps: Deps, from: string, to: string) {
  const lines = await programmeReport(deps, from, to);
  const rows = lines.map((l) => {
    const known = l.attended + l.noShows;
    return [
      l.type,
      l.sessions,
      l.bookings,
      l.individual,
      l.group,
      l.seats,
      l.attended,
      l.noShows,
      percent(l.attended, known),
      percent(l.noShows, known),
      l.seatsIn,
      l.cancelled,
      l.given,
      l.given === 0 ? "" : (Math.round((l.sum / l.given) * 100) / 100).toFixed(2),
    ];
  });
  return { csv: toCsv(PROGRAMME_REPORT_HEADER, rows), filename: `programme-${from}-to-${to}.csv` };
}
