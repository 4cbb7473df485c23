// Spending time: partners offer things that cost hours, people redeem them (rule 18: never
// below zero, under any concurrency).
import { and, desc, eq, sql } from "drizzle-orm";
import { insertSelect } from "../../db/conditional";
import { organisations, timebankEntries, timebankOffers } from "../../db/schema";
import { actsFor } from "../../lib/auth";
import { newId } from "../../lib/crypto";
import type { Deps } from "../../lib/deps";
import type { Actor } from "../../lib/env";
import { refuse } from "../../lib/refusal";
import { balanceCovers, balanceSql, holderKey, hoursOf } from "../../rules/timebank";
import { auditInsert } from "../audit/record";
import { auditIf, type EntryRow } from "./ledger";

export type OfferRow = typeof timebankOffers.$inferSelect;

export interface OfferInput {
  organisationId: string;
  title: string;
  description: string;
  costMinutes: number;
}

export async function createOffer(deps: Deps, actor: Actor, input: OfferInput): Promise<OfferRow> {
  if (!actsFor(actor, input.organisationId)) throw refuse("timebank_offer_own_organisation");
  const { db, clock } = deps;
  const now = clock.now();
  const row = { id: newId("tbo", now), ...input, status: "open" as const, createdAt: now };
  await db.batch([
    db.insert(timebankOffers).values(row),
    auditInsert(db, actor, { action: "timebank.offer.created", subjectType: "timebank_offer", subjectId: row.id, detail: { organisationId: input.organisationId } }, now),
  ]);
  return row;
}

export async function withdrawOffer(deps: Deps, actor: Actor, offerId: string): Promise<OfferRow> {
  const offer = await loadOffer(deps, offerId);
  if (!actsFor(actor, offer.organisationId)) throw refuse("timebank_offer_own_organisation");
  const [row] = await deps.db.update(timebankOffers).set({ status: "withdrawn" }).where(eq(timebankOffers.id, offerId)).returning();
  return row!;
}

export async function loadOffer(deps: Deps, offerId: string): Promise<OfferRow> {
  const [offer] = await deps.db.select().from(timebankOffers).where(eq(timebankOffers.id, offerId)).limit(1);
  if (!offer) throw refuse("no_timebank_offer");
  return offer;
}

/** Open offers, newest first, with the partner's name. */
export function openOffers(deps: Deps) {
  return deps.db
    .select({ offer: timebankOffers, organisationName: organisations.name })
    .from(timebankOffers)
    .innerJoin(organisations, eq(organisations.id, timebankOffers.organisationId))
    .where(eq(timebankOffers.status, "open"))
    .orderBy(desc(timebankOffers.createdAt), desc(timebankOffers.id));
}

/**
 * Redeems an offer for the signed-in person: one negative entry, written only if their balance
 * covers the cost when the INSERT runs.
 */
export async function redeemOffer(deps: Deps, actor: Actor, offerId: string): Promise<EntryRow> {
  if (actor.kind !== "person") throw refuse("timebank_people_only");
  const { db, clock } = deps;
  const offer = await loadOffer(deps, offerId);
  const now = clock.now();
  const holder = holderKey({ personId: actor.person.id });
  const id = newId("tbe", now);
  // Invariant (rule 18): a balance never goes below zero. The balance is read by the INSERT
  // itself (`balanceCovers`), and SQLite and D1 run one write at a time, so two redemptions
  // racing for the last hours cannot both see them; the offer must still be open, and the audit
  // row is written exactly when the entry is.
  await db.batch([
    insertSelect(
      db,
      timebankEntries,
      { id, kind: "redemption", minutes: -offer.costMinutes, holderKey: holder, personId: actor.person.id, offerId, organisationId: offer.organisationId, createdBy: actor.person.id, at: now },
      sql`WHERE ${balanceCovers(holder, offer.costMinutes)} AND EXISTS (SELECT 1 FROM timebank_offers WHERE id = ${offerId} AND status = 'open')`,
    ),
    auditIf(db, actor, { action: "timebank.offer.redeemed", subjectType: "timebank_offer", subjectId: offerId, detail: { entry: id } }, now, sql`EXISTS (SELECT 1 FROM timebank_entries WHERE id = ${id})`),
  ]);
  const [entry] = await db.select().from(timebankEntries).where(and(eq(timebankEntries.id, id)));
  if (entry) return entry;
  if (offer.status !== "open" || (await loadOffer(deps, offerId)).status !== "open") throw refuse("timebank_offer_withdrawn");
  const [row] = await db.all<{ balance: number }>(sql`select ${balanceSql(holder)} as balance`);
  throw refuse("timebank_balance_short", { cost: hoursOf(offer.costMinutes), balance: hoursOf(Number(row?.balance ?? 0)) });
}

/** One organisation's offers, open and withdrawn, newest first: what its staff manage. */
export function offersOf(deps: Deps, organisationId: string) {
  return deps.db.select().from(timebankOffers).where(eq(timebankOffers.organisationId, organisationId)).orderBy(desc(timebankOffers.createdAt), desc(timebankOffers.id));
}
