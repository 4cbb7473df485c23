// Reading organisations for lists and choices (the caller has checked who may see them).
import { asc } from "drizzle-orm";
import type { Db } from "../../db/client";
import { organisations } from "../../db/schema";

/** Every organisation by name, for a form's choice of host. */
export const allOrganisations = (db: Db) => db.select({ id: organisations.id, name: organisations.name }).from(organisations).orderBy(asc(organisations.name)).limit(200);
