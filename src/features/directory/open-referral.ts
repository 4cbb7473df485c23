// The directory in the Open Referral UK format (the UK profile of HSDS 3.0), read-only, for
// councils' and the NHS's service finders. Shapes follow the profile's published schemas
// (vendored in test/fixtures/openreferral-uk and checked in open-referral.test.ts).
//
// HSDS identifiers are UUIDs; ours are not, so each object's UUID is derived from our id
// (a SHA-256 name-based UUID): stable across requests and servers, and no new column.
import { DIRECTORY_BUILT_IN_CATEGORIES } from "../../db/schema";
import { sha256Hex } from "../../lib/crypto";
import { iso } from "../../lib/time";
import type { Category } from "./read";
import type { ServiceWithPlace } from "./schemas";

const ICAL_DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;
const WEEKDAYS_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;
export const ORUK_TAXONOMY = "open-door-categories";

/** A name-based UUID (version 8, RFC 9562) for one of our objects. */
export async function orukId(kind: string, id: string): Promise<string> {
  const h = await sha256Hex(`opendoor:${kind}:${id}`);
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** English text for the feed (ORUK has one language per field); other languages stay on our own API. */
const en = (text: { en: string } | null | undefined) => text?.en ?? "";

export async function orukOrganization(org: { id: string; name: string; contactEmail?: string | null }, withDescription: string) {
  return {
    id: await orukId("organisation", org.id),
    name: org.name,
    description: withDescription,
    ...(org.contactEmail ? { email: org.contactEmail } : {}),
  };
}

export async function orukTaxonomyTerm(category: Category, categoryName: (c: Category) => string) {
  return {
    id: await orukId("category", category.id),
    name: categoryName(category),
    description: categoryName(category),
    taxonomy: ORUK_TAXONOMY,
    taxonomy_id: await orukId("taxonomy", ORUK_TAXONOMY),
    term: category.id,
  };
}

export async function orukLocation(row: ServiceWithPlace) {
  const { service, venue } = row;
  if (venue) {
    const locationId = await orukId("venue", venue.id);
    const facts = (["stepFree", "accessibleToilet", "hearingLoop", "quietRoom", "disabledParking"] as const).filter((f) => venue[f]);
    return {
      id: locationId,
      location_type: "physical",
      name: venue.name,
      addresses: [
        {
          id: await orukId("address", venue.id),
          location_id: locationId,
          address_1: venue.address,
          city: venue.address.split(",").at(-1)!.trim(),
          state_province: "England",
          postal_code: venue.postcode,
          country: "GB",
          address_type: "physical",
        },
      ],
      accessibility: await Promise.all(
        facts.map(async (f) => ({ id: await orukId(`access-${f}`, venue.id), location_id: locationId, description: f.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`), details: venue.publicTransport.en || undefined })),
      ),
    };
  }
  const id = await orukId("virtual", service.id);
  return { id, location_type: "virtual", name: service.onlineUrl ? "Online" : "By phone", ...(service.onlineUrl ? { url: service.onlineUrl } : {}) };
}

/** The list form of a service (ORUK /services items): direct properties and its organisation. */
export async function orukServiceSummary(row: ServiceWithPlace, org: { id: string; name: string }) {
  const { service } = row;
  const id = await orukId("service", service.id);
  return {
    id,
    organization_id: await orukId("organisation", service.organisationId),
    name: en(service.name),
    description: en(service.description),
    ...(service.website ? { url: service.website } : {}),
    ...(service.contactEmail ? { email: service.contactEmail } : {}),
    status: "active",
    ...(service.free ? {} : { fees: en(service.costNote) || "There may be a charge" }),
    ...(service.minAge != null ? { minimum_age: service.minAge } : {}),
    ...(service.maxAge != null ? { maximum_age: service.maxAge } : {}),
    assured_date: service.lastCheckedOn,
    last_modified: iso(service.updatedAt),
    organization: await orukOrganization({ id: org.id, name: org.name }, org.name),
  };
}

/** The full service (ORUK /services/{id}): schedules, where, languages, cost, contacts, category. */
export async function orukService(row: ServiceWithPlace, category: Category, categoryName: (c: Category) => string) {
  const { service } = row;
  const summary = await orukServiceSummary(row, { id: service.organisationId, name: row.organisationName });
  const location = await orukLocation(row);
  const term = await orukTaxonomyTerm(category, categoryName);
  return {
    ...summary,
    // Opening times are London wall-clock times, the same in GMT and BST: no fixed offset fits
    // both, so the zone is named instead (an extra HSDS field the profile allows).
    schedules: await Promise.all(
      service.hours.map(async (p, i) => ({
        id: await orukId(`schedule-${i}`, service.id),
        service_id: summary.id,
        freq: "WEEKLY",
        byday: ICAL_DAYS[p.day - 1],
        opens_at: p.opens,
        closes_at: p.closes,
        timezone: "Europe/London",
        description: `${WEEKDAYS_EN[p.day - 1]} ${p.opens}–${p.closes} (UK time)`,
      })),
    ),
    service_at_locations: [{ id: await orukId("service-at-location", service.id), service_id: summary.id, location_id: location.id, location }],
    languages: await Promise.all(service.languages.map(async (code) => ({ id: await orukId(`language-${code}`, service.id), service_id: summary.id, code, name: code }))),
    cost_options: service.free
      ? [{ id: await orukId("cost", service.id), service_id: summary.id, option: "Free", amount: 0 }]
      : [{ id: await orukId("cost", service.id), service_id: summary.id, option: "Charge", amount_description: en(service.costNote) || "There may be a charge" }],
    contacts: service.contactPhone || service.contactEmail ? [{ id: await orukId("contact", service.id), service_id: summary.id, name: row.organisationName, ...(service.contactPhone ? { phones: [{ id: await orukId("phone", service.id), number: service.contactPhone }] } : {}) }] : [],
    attributes: [{ id: await orukId("attribute", service.id), link_id: summary.id, taxonomy_term_id: term.id, link_type: "service", taxonomy_term: term }],
  };
}

/** An ORUK page: the paging header, then the items. */
export function orukPage<T>(all: T[], page: number, perPage: number) {
  const totalPages = Math.max(1, Math.ceil(all.length / perPage));
  const contents = all.slice((page - 1) * perPage, page * perPage);
  return {
    total_items: all.length,
    total_pages: totalPages,
    page_number: page,
    size: contents.length,
    first_page: page === 1,
    last_page: page >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}

export const isBuiltIn = (id: string) => (DIRECTORY_BUILT_IN_CATEGORIES as readonly string[]).includes(id);
