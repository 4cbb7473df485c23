import { asc, eq, gt } from "drizzle-orm";
import { organisations, venues, type LocalisedText } from "../../db/schema";
import { isCoordinator, actsFor } from "../../lib/auth";
import { newId } from "../../lib/crypto";
import type { Deps } from "../../lib/deps";
import type { Actor } from "../../lib/env";
import { field, refuse } from "../../lib/refusal";
import { decodeCursor, encodeCursor } from "./shared";
import { auditInsert } from "../audit/record";

export type Venue = typeof venues.$inferSelect;

export interface VenueInput {
  name: string;
  address: string;
  postcode: string;
  organisationId?: string | null;
  stepFree?: boolean;
  accessibleToilet?: boolean;
  hearingLoop?: boolean;
  quietRoom?: boolean;
  disabledParking?: boolean;
  publicTransport?: LocalisedText;
  directions?: LocalisedText | null;
  holdsSeveralSessions?: boolean;
}

/**
 * Coordinators add any venue (shared community spaces may belong to nobody); an
 * organisation's staff or API key only venues owned by an organisation they act for.
 */
export async function createVenue(deps: Deps, actor: Actor, input: VenueInput): Promise<Venue> {
  const organisationId = input.organisationId ?? null;
  if (!isCoordinator(actor)) {
    if (!organisationId || !actsFor(actor, organisationId)) {
      throw refuse("own_venues_only", {}, { fields: [field("organisationId", "your_organisation")] });
    }
  }
  if (organisationId) {
    const [org] = await deps.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, organisationId)).limit(1);
    if (!org) {
      throw refuse("unknown_organisation", {}, { fields: [field("organisationId", "no_such_organisation")] });
    }
  }
  const { db } = deps;
  const now = deps.clock.now();
  const id = newId("ven", now);
  // Invariant: no venue without the audit row of who added it.
  const [[row]] = await db.batch([
    db
      .insert(venues)
      .values({
        id,
        name: input.name,
        address: input.address,
        postcode: input.postcode,
        organisationId,
        stepFree: input.stepFree ?? false,
        accessibleToilet: input.accessibleToilet ?? false,
        hearingLoop: input.hearingLoop ?? false,
        quietRoom: input.quietRoom ?? false,
        disabledParking: input.disabledParking ?? false,
        publicTransport: input.publicTransport ?? { en: "" },
        directions: input.directions ?? null,
        holdsSeveralSessions: input.holdsSeveralSessions ?? false,
        createdAt: now,
      })
      .returning(),
    auditInsert(db, actor, { action: "venue.created", subjectType: "venue", subjectId: id, detail: { organisationId } }, now),
  ]);
  return row!;
}

export type VenuePatch = Partial<Omit<VenueInput, "organisationId">>;

/**
 * Changing a venue's address or access facts: coordinators any venue, an organisation's staff
 * or key only their own organisation's. People read these facts to decide whether they can come.
 */
export async function updateVenue(deps: Deps, actor: Actor, id: string, patch: VenuePatch): Promise<Venue> {
  const venue = await getVenue(deps, id);
  if (!isCoordinator(actor) && !(venue.organisationId && actsFor(actor, venue.organisationId))) throw refuse("own_venues_only");
  const changed = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as VenuePatch;
  if (Object.keys(changed).length === 0) return venue;
  const { db } = deps;
  const now = deps.clock.now();
  // Invariant: the change and its audit row (which fields, never their values) in one write.
  const [[row]] = await db.batch([
    db.update(venues).set(changed).where(eq(venues.id, id)).returning(),
    auditInsert(db, actor, { action: "venue.changed", subjectType: "venue", subjectId: id, detail: { fields: Object.keys(changed) } }, now),
  ]);
  return row!;
}

export async function findVenue(deps: Deps, id: string): Promise<Venue | undefined> {
  const [row] = await deps.db.select().from(venues).where(eq(venues.id, id)).limit(1);
  return row;
}

export async function getVenue(deps: Deps, id: string): Promise<Venue> {
  const venue = await findVenue(deps, id);
  if (!venue) throw refuse("no_venue");
  return venue;
}

/** Ordered by id (time-prefixed, unique), so pages never skip or repeat a venue. */
export async function listVenues(deps: Deps, page: { cursor?: string; limit: number }) {
  const after = decodeCursor(page.cursor);
  const rows = await deps.db
    .select()
    .from(venues)
    .where(after ? gt(venues.id, after) : undefined)
    .orderBy(asc(venues.id))
    .limit(page.limit + 1);
  const items = rows.slice(0, page.limit);
  return { items, nextCursor: rows.length > page.limit ? encodeCursor(items.at(-1)!.id) : null };
}
