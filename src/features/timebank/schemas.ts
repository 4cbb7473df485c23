// The timebank API's request and response shapes (issue #17), shared with its pages.
import { z } from "@hono/zod-openapi";
import { CONTRIBUTOR_ROLES } from "../../db/schema";
import { Email, Line } from "../../lib/openapi";
import { iso, isoOrNull } from "../../lib/time";
import { hoursOf, MAX_CONTRIBUTION_MINUTES, MAX_OFFER_MINUTES, MIN_OFFER_MINUTES } from "../../rules/timebank";
import type { ContributorRow } from "./contributors";
import type { MonthTotals, StatementLine } from "./read";
import type { YoungPersonRecord } from "./record";

export const ContributorBody = z
  .object({
    name: Line(120, 1).describe("As the contributor wants to be named: a first name is enough"),
    role: z.enum(CONTRIBUTOR_ROLES).describe("What they did at the session"),
    organisationId: z.string().max(64).nullish().describe("A partner organisation they came with, if it is in the programme"),
    organisationName: Line(160).default("").describe("Their organisation as they name it (a care home, a firm)"),
    email: Email.nullish().describe("Only if they want an account to see their own statement: they sign in with it"),
  })
  .openapi("ContributorRequest");

export const ConfirmContributionBody = z
  .object({
    minutes: z.number().int().min(1).max(MAX_CONTRIBUTION_MINUTES).optional().describe("Time given, if not the session's length"),
  })
  .openapi("ConfirmContributionRequest");

export const Contributor = z
  .object({
    id: z.string(),
    sessionId: z.string(),
    name: z.string(),
    role: z.enum(CONTRIBUTOR_ROLES),
    organisationId: z.string().nullable(),
    organisationName: z.string(),
    hasAccount: z.boolean(),
    minutes: z.number().int().nullable().describe("Recorded time; null means the session's length"),
    confirmedAt: z.string().nullable(),
  })
  .openapi("Contributor");

export function contributorOut(c: ContributorRow) {
  return {
    id: c.id,
    sessionId: c.sessionId,
    name: c.name,
    role: c.role,
    organisationId: c.organisationId,
    organisationName: c.organisationName,
    hasAccount: c.personId !== null,
    minutes: c.minutes,
    confirmedAt: isoOrNull(c.confirmedAt),
  };
}

export const Confirmation = z.object({ contributor: Contributor, alreadyConfirmed: z.boolean() }).openapi("ContributionConfirmation");

export const ReversalBody = z.object({ note: Line(300, 3).describe("Why the entry is wrong (kept with the correction)") }).openapi("ReversalRequest");

export const Entry = z
  .object({
    id: z.string(),
    kind: z.enum(["attendance", "contribution", "redemption", "reversal"]),
    minutes: z.number().int().describe("Signed: credits positive, spending and reversals of credits negative"),
    hours: z.number(),
    at: z.string(),
    sessionId: z.string().nullable(),
    title: z.string().nullable().describe("The event's title (English) or the offer's title"),
    organisation: z.string().nullable(),
    reversesId: z.string().nullable(),
    note: z.string().nullable(),
  })
  .openapi("TimebankEntry");

export function entryOut(e: StatementLine) {
  return {
    id: e.id,
    kind: e.kind,
    minutes: e.minutes,
    hours: hoursOf(e.minutes),
    at: iso(e.at),
    sessionId: e.sessionId,
    title: e.eventTitle?.en ?? e.offerTitle,
    organisation: e.organisationName,
    reversesId: e.reversesId,
    note: e.note,
  };
}

export const Statement = z
  .object({ balanceMinutes: z.number().int(), balanceHours: z.number(), entries: z.array(Entry) })
  .openapi("TimebankStatement");

export const MonthTotalsSchema = z
  .object({ month: z.string().describe("YYYY-MM in London time: the month the session ended, or the redemption was made"), earnedHours: z.number(), spentHours: z.number(), people: z.number().int() })
  .openapi("TimebankMonth");

export function monthOut(m: MonthTotals) {
  return { month: m.month, earnedHours: hoursOf(m.earned), spentHours: hoursOf(m.spent), people: m.people };
}


export const OfferBody = z
  .object({
    organisationId: z.string().min(1).max(64).describe("The partner making the offer: one you act for"),
    title: Line(120, 3),
    description: Line(600).default(""),
    costHours: z.number().min(MIN_OFFER_MINUTES / 60).max(MAX_OFFER_MINUTES / 60).multipleOf(0.25).describe("In hours, in quarter hours"),
  })
  .openapi("TimebankOfferRequest");

export const Offer = z
  .object({
    id: z.string(),
    organisationId: z.string(),
    organisationName: z.string().nullable(),
    title: z.string(),
    description: z.string(),
    costMinutes: z.number().int(),
    costHours: z.number(),
    status: z.enum(["open", "withdrawn"]),
  })
  .openapi("TimebankOffer");

export const RecordSchema = z
  .object({
    name: z.string(),
    hoursTakingPart: z.number(),
    hoursGiven: z.number(),
    balanceHours: z.number(),
    organisations: z.array(z.string()).describe("Every organisation met, A to Z"),
    items: z.array(
      z.object({
        kind: z.enum(["session", "mentoring", "role"]),
        eventType: z.string().nullable().describe("For a session: career_taster, cv_workshop, …"),
        role: z.enum(CONTRIBUTOR_ROLES).nullable().describe("For a role: what they did"),
        title: z.string().describe("The activity's title (English), or the mentor for mentoring"),
        organisation: z.string(),
        startsAt: z.string(),
        hours: z.number(),
      }),
    ),
  })
  .openapi("YoungPersonRecord");

export function recordOut(r: YoungPersonRecord) {
  return {
    name: r.name,
    hoursTakingPart: hoursOf(r.minutesTakingPart),
    hoursGiven: hoursOf(r.minutesGiven),
    balanceHours: hoursOf(r.balance),
    organisations: r.organisations,
    items: r.items.map((i) => ({ kind: i.kind, eventType: i.eventType, role: i.role, title: i.title.en, organisation: i.organisation, startsAt: iso(i.startsAt), hours: hoursOf(i.minutes) })),
  };
}

export const RecordLink = z
  .object({ id: z.string(), createdAt: z.string(), url: z.string().nullable().describe("Only in the answer that makes the link: the secret is not kept") })
  .openapi("RecordLink");
