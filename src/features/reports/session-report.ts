import { londonLocalString } from "../../lib/time";
import type { Deps } from "../../lib/deps";
import type { Actor } from "../../lib/env";
import { attendanceFor } from "../attendance/read";
import { toCsv } from "./csv";

const SESSION_REPORT_HEADER = ["First name", "Kind", "Pupils", "Staff", "Seats", "Checked in (people)", "Status", "Checked in at (London)"];

/** "2026-03-03 10:05", the London wall clock: what a host would write on a register. */
const londonStamp = (instant: number): string => londonLocalString(instant).replace("T", " ");

/** The register for one session; same people and rules as the attendance list. */
export async function sessionReportCsv(deps: Deps, actor: Actor, sessionId: string) {
  const { session, attendees } = await attendanceFor(deps, actor, sessionId);
  const rows = attendees.map((a) => [
    a.name,
    a.kind,
    a.kind === "group" ? a.pupils : "",
    a.kind === "group" ? a.staff : "",
    a.seats,
    a.checkedInCount,
    a.status,
    a.checkedInAt === null ? "" : londonStamp(a.checkedInAt),
  ]);
  return { csv: toCsv(SESSION_REPORT_HEADER, rows), filename: `attendance-${session.id}.csv` };
}
