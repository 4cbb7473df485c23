// The coordinators' inbox: move an item along (new, in hand, done), reply by email (through the
// outbox, rule 9), and turn what was said into a published "you said, we did" line.
import { eq, sql } from "drizzle-orm";
import { programmeNotes, siteFeedback, type SiteFeedbackStatus } from "../../db/schema";
import { isCoordinator } from "../../lib/auth";
import { newId } from "../../lib/crypto";
import type { Deps } from "../../lib/deps";
import type { Actor } from "../../lib/env";
import { refuse } from "../../lib/refusal";
import { auditInsert } from "../audit/record";
import { enqueueIf } from "../notifications/outbox";
import { findSiteFeedback } from "./read";
import type { ProgrammeNoteInput } from "./schemas";

function coordinatorOnly(actor: Actor) {
  if (!isCoordinator(actor)) throw refuse("coordinators_only");
}

async function existing(deps: Deps, id: string) {
  const row = await findSiteFeedback(deps.db, id);
  if (!row) throw refuse("sf_no_feedback");
  return row;
}

export async function setSiteFeedbackStatus(deps: Deps, actor: Actor, id: string, status: SiteFeedbackStatus) {
  coordinatorOnly(actor);
  await existing(deps, id);
  const now = deps.clock.now();
  // One batch: the status and its audit row.
  const [[row]] = await deps.db.batch([
    deps.db.update(siteFeedback).set({ status, updatedAt: now }).where(eq(siteFeedback.id, id)).returning(),
    auditInsert(deps.db, actor, { action: "site_feedback.status", subjectType: "site_feedback", subjectId: id, detail: { status } }, now),
  ]);
  return row!;
}

/**
 * A coordinator answers someone who left an email. The reply is queued in the same batch as
 * the mark on the item (rule 9), and only if the item still has its address when the batch
 * runs, so a reply is never queued to nobody and never lost if the provider is down.
 */
export async function replyToSiteFeedback(deps: Deps, actor: Actor, id: string, message: string) {
  coordinatorOnly(actor);
  const item = await existing(deps, id);
  if (!item.replyEmail) throw refuse("sf_no_reply_address");
  const now = deps.clock.now();
  const quoted = [item.whatWorks, item.toImprove].filter(Boolean).join("\n\n").slice(0, 600);
  const [[row]] = await deps.db.batch([
    deps.db
      .update(siteFeedback)
      .set({ repliedAt: now, updatedAt: now, status: sql`case when ${siteFeedback.status} = 'new' then 'in_hand' else ${siteFeedback.status} end` })
      .where(eq(siteFeedback.id, id))
      .returning(),
    enqueueIf(
      deps.db,
      { template: "site_feedback_reply", to: item.replyEmail, locale: item.locale, payload: { message, quoted } },
      now,
      sql`exists (select 1 from site_feedback where id = ${id} and reply_email is not null)`,
    ),
    auditInsert(deps.db, actor, { action: "site_feedback.replied", subjectType: "site_feedback", subjectId: id }, now),
  ]);
  return row!;
}

/**
 * A line on the programme's "you said, we did" page, from an inbox item (which is then done)
 * or written directly (feedbackId null). The note and the item's status in one batch, with the
 * audit row, so a published answer never leaves its item looking unanswered.
 */
export async function publishProgrammeNote(deps: Deps, actor: Actor, feedbackId: string | null, input: ProgrammeNoteInput) {
  coordinatorOnly(actor);
  if (feedbackId) await existing(deps, feedbackId);
  const now = deps.clock.now();
  const id = newId("ysw", now);
  const note = deps.db
    .insert(programmeNotes)
    .values({ id, youSaid: input.youSaid, weDid: input.weDid, locale: input.locale, feedbackId, authorId: actor.kind === "person" ? actor.person.id : null, createdAt: now })
    .returning();
  const audit = auditInsert(deps.db, actor, { action: "programme_note.published", subjectType: "programme_note", subjectId: id, detail: feedbackId ? { feedbackId } : undefined }, now);
  if (!feedbackId) {
    const [[row]] = await deps.db.batch([note, audit]);
    return row!;
  }
  const [[row]] = await deps.db.batch([note, deps.db.update(siteFeedback).set({ status: "done", updatedAt: now }).where(eq(siteFeedback.id, feedbackId)), audit]);
  return row!;
}
