import type { Deps } from "../../lib/deps";
import { toCsv } from "./csv";
import { byEventType, sessionFigures } from "./figures";

type Scope = Parameters<typeof sessionFigures>[3];

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
async function programmeReport(deps: Deps, from: string, to: string, scope: Scope) {
  return byEventType(await sessionFigures(deps, from, to, scope)).map(({ type, tally }) => ({ type, ...tally }));
}

const percent = (part: number, whole: number) => (whole === 0 ? "" : (Math.round((part / whole) * 1000) / 10).toFixed(1));

/** The whole programme's report, or (with `hostOrganisationId`) one host's, for its own area. */
export async function programmeReportCsv(deps: Deps, from: string, to: string, scope: Scope = {}) {
  const lines = await programmeReport(deps, from, to, scope);
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
