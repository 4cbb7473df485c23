// What a service's fields must satisfy before they are written or proposed, and how they
// become row values. Shared by the coordinator's direct writes and the approval of proposals.
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { directoryServices, organisations, venues, type LocalisedText } from "../../db/schema";
import { field, refuse, type FieldRefusal } from "../../lib/refusal";
import { searchTextFor } from "../catalogue/shared";
import { findCategory } from "./read";
import type { ServiceChanges } from "./schemas";

type Row = typeof directoryServices.$inferInsert;

/** The organisation, category and venue named must exist, and the ages must make sense. */
export async function checkReferences(db: Db, fields: ServiceChanges, current?: Pick<Row, "minAge" | "maxAge">): Promise<void> {
  const refused: FieldRefusal[] = [];
  if (fields.organisationId !== undefined) {
    const [org] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, fields.organisationId)).limit(1);
    if (!org) refused.push(field("organisationId", "no_such_organisation"));
  }
  if (fields.categoryId !== undefined && !(await findCategory(db, fields.categoryId))) refused.push(field("categoryId", "dir_no_such_category"));
  if (fields.venueId) {
    const [venue] = await db.select({ id: venues.id }).from(venues).where(eq(venues.id, fields.venueId)).limit(1);
    if (!venue) refused.push(field("venueId", "no_such_venue_field"));
  }
  const minAge = fields.minAge !== undefined ? fields.minAge : (current?.minAge ?? null);
  const maxAge = fields.maxAge !== undefined ? fields.maxAge : (current?.maxAge ?? null);
  if (minAge != null && maxAge != null && minAge > maxAge) refused.push(field("minAge", "not_more_than_max_age", { max: maxAge }));
  if (refused.length) throw refuse("dir_details_dont_fit", {}, { fields: refused });
}

const unique = <T>(values: T[] | undefined) => (values ? [...new Set(values)] : undefined);

/** Row values for the fields given (undefined ones left out), search text from the merged names. */
export function rowValues(fields: ServiceChanges, merged: { name: LocalisedText; description: LocalisedText }): Partial<Row> {
  const values: Partial<Row> = {
    ...fields,
    audiences: unique(fields.audiences),
    accessMethods: unique(fields.accessMethods),
    languages: unique(fields.languages),
    searchText: searchTextFor(merged.name, merged.description),
  };
  for (const key of Object.keys(values) as (keyof Row)[]) if (values[key] === undefined) delete values[key];
  return values;
}

/** The field names a change touches: what the audit log records (never the values). */
export const fieldNames = (fields: object) => Object.keys(fields).sort();
