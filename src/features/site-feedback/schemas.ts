// The site feedback API's request and response shapes, shared with the website's forms.
import { z } from "@hono/zod-openapi";
import { LOCALES, SITE_FEEDBACK_STATUSES, type Locale, type SiteFeedbackStatus } from "../../db/schema";
import { Email, Text } from "../../lib/openapi";
import { iso } from "../../lib/time";
import { PAGE_MAX } from "./page-path";

export const WORDS_MAX = 2000;
export const REPLY_MAX = 4000;

export const SiteFeedbackBody = z
  .object({
    page: z.string().max(PAGE_MAX).default("/").describe("The page the feedback is about (its path). Ids of private pages and any query are dropped."),
    locale: z.enum(LOCALES).default("en").describe("The language the sender reads the site in"),
    whatWorks: Text(WORDS_MAX).default(""),
    toImprove: Text(WORDS_MAX).default(""),
    email: Email.optional().describe("Only if the sender wants a reply; leave out to stay anonymous"),
  })
  .openapi("SiteFeedbackRequest");
export type SiteFeedbackInput = z.infer<typeof SiteFeedbackBody>;

export const SiteFeedbackStatusSchema = z.enum(SITE_FEEDBACK_STATUSES);
export const SiteFeedbackReceipt = z.object({ id: z.string(), anonymous: z.boolean() }).openapi("SiteFeedbackReceipt");

export const SiteFeedbackItem = z
  .object({
    id: z.string(),
    page: z.string(),
    locale: z.enum(LOCALES),
    whatWorks: z.string(),
    toImprove: z.string(),
    replyEmail: z.string().nullable().describe("null: sent anonymously"),
    status: SiteFeedbackStatusSchema,
    repliedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi("SiteFeedback");

export const SiteFeedbackQuery = z.object({ status: SiteFeedbackStatusSchema.optional() });
export const SiteFeedbackPatch = z.object({ status: SiteFeedbackStatusSchema }).openapi("SiteFeedbackPatch");
export const SiteFeedbackReply = z.object({ message: Text(REPLY_MAX, 1) }).openapi("SiteFeedbackReply");

export const ProgrammeNoteBody = z
  .object({ youSaid: Text(1000, 1), weDid: Text(1000, 1), locale: z.enum(LOCALES).default("en") })
  .openapi("ProgrammeNoteRequest");
export type ProgrammeNoteInput = z.infer<typeof ProgrammeNoteBody>;

/** One line of "you said, we did": about the whole programme (eventId null) or one event. */
export const ProgrammeNote = z
  .object({
    id: z.string(),
    youSaid: z.string(),
    weDid: z.string(),
    locale: z.enum(LOCALES),
    eventId: z.string().nullable(),
    eventTitle: z.record(z.string(), z.string()).nullable().describe("The event's title in each language it has, or null for the whole programme"),
    createdAt: z.string(),
  })
  .openapi("ProgrammeNote");

export interface SiteFeedbackRow {
  id: string;
  page: string;
  locale: Locale;
  whatWorks: string;
  toImprove: string;
  replyEmail: string | null;
  status: SiteFeedbackStatus;
  repliedAt: number | null;
  createdAt: number;
}

export const siteFeedbackOut = (f: SiteFeedbackRow) => ({ ...f, repliedAt: f.repliedAt === null ? null : iso(f.repliedAt), createdAt: iso(f.createdAt) });
