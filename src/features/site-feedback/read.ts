// Reading site feedback (coordinators: the caller has checked) and the programme's "you said,
// we did" (public): programme lines and the per-event notes (features/feedback) in one list.
import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { events, programmeNotes, siteFeedback, youSaidWeDid, type SiteFeedbackStatus } from "../../db/schema";

export async function findSiteFeedback(db: Db, id: string) {
  const [row] = await db.select().from(siteFeedback).where(eq(siteFeedback.id, id)).limit(1);
  return row ?? null;
}

export const INBOX_PAGE = 200;

/** The inbox, newest first, by status; counts per status for the tabs. */
export async function listSiteFeedback(db: Db, filter: { status?: SiteFeedbackStatus }) {
  return db
    .select()
    .from(siteFeedback)
    .where(and(filter.status ? eq(siteFeedback.status, filter.status) : undefined))
    .orderBy(desc(siteFeedback.createdAt), desc(siteFeedback.id))
    .limit(INBOX_PAGE);
}

export const YOU_SAID_PAGE = 200;

/** Every published line, newest first: the whole programme's and each event's. */
export async function programmeYouSaidWeDid(db: Db) {
  const [general, perEvent] = await Promise.all([
    db.select().from(programmeNotes).orderBy(desc(programmeNotes.createdAt)).limit(YOU_SAID_PAGE),
    db
      .select({ note: youSaidWeDid, title: events.title })
      .from(youSaidWeDid)
      .innerJoin(events, eq(events.id, youSaidWeDid.eventId))
      .orderBy(desc(youSaidWeDid.createdAt))
      .limit(YOU_SAID_PAGE),
  ]);
  return [
    ...general.map((n) => ({ id: n.id, youSaid: n.youSaid, weDid: n.weDid, locale: n.locale, eventId: null, eventTitle: null, createdAt: n.createdAt })),
    ...perEvent.map(({ note: n, title }) => ({ id: n.id, youSaid: n.youSaid, weDid: n.weDid, locale: n.locale, eventId: n.eventId, eventTitle: title, createdAt: n.createdAt })),
  ]
    .sort((a, b) => b.createdAt - a.createdAt || a.id.localeCompare(b.id))
    .slice(0, YOU_SAID_PAGE);
}
