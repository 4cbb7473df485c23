// Which page feedback came from, kept without anything that could say who sent it (rule 20):
// only the path, never the query; ids only on public pages (an event, a service, a session);
// a booking's id, a sign-in or consent token, a calendar feed's secret become "…".

/** Pages whose ids name public things: knowing the event does not say who wrote. */
const PUBLIC_WITH_IDS = new Set(["events", "directory", "sessions", "venues", "carousels"]);
const WORD = /^[a-z][a-z0-9-]{0,23}$/;
const ID = /^[a-z]{2,6}_[0-9a-z]{21}$/;
export const PAGE_MAX = 200;

export function feedbackPage(raw: string): string {
  let path: string;
  try {
    path = new URL(raw, "http://site.invalid").pathname;
  } catch {
    return "/";
  }
  const segments = path.split("/").filter(Boolean);
  const publicIds = PUBLIC_WITH_IDS.has(segments[0] ?? "");
  const kept = segments.map((s) => (WORD.test(s) || (publicIds && ID.test(s)) ? s : "…"));
  return `/${kept.join("/")}`.slice(0, PAGE_MAX);
}
