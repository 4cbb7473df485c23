// The feedback API's request and response shapes, shared with the coordinator's pages.
import { z } from "@hono/zod-openapi";
import { LOCALES, type Locale } from "../../db/schema";
import { Text } from "../../lib/openapi";
import { iso } from "../../lib/time";

export const FeedbackBody = z
  .object({
    rating: z.number().int().min(1, "Choose 1 to 5").max(5, "Choose 1 to 5"),
    whatWorked: Text(1000).default(""),
    couldBeBetter: Text(1000).default(""),
    anonymous: z.boolean().default(false).describe("Hide your name from the organisers"),
  })
  .openapi("FeedbackRequest");

export const Feedback = z
  .object({ id: z.string(), bookingId: z.string(), eventId: z.string(), rating: z.number().int(), whatWorked: z.string(), couldBeBetter: z.string(), anonymous: z.boolean(), createdAt: z.string() })
  .openapi("Feedback");

export const FeedbackSummary = z
  .object({
    eventId: z.string(),
    count: z.number().int(),
    anonymousCount: z.number().int(),
    averageRating: z.number().nullable(),
    distribution: z.object({ "1": z.number().int(), "2": z.number().int(), "3": z.number().int(), "4": z.number().int(), "5": z.number().int() }),
    comments: z.array(
      z.object({
        rating: z.number().int(),
        whatWorked: z.string(),
        couldBeBetter: z.string(),
        anonymous: z.boolean(),
        from: z.object({ name: z.string(), bookingId: z.string() }).nullable().describe("null for anonymous feedback"),
        givenAt: z.string().nullable().describe("null for anonymous feedback"),
      }),
    ),
  })
  .openapi("FeedbackSummary");

export const NoteLocale = z.enum(LOCALES).describe("The language the note is written in, so pages in other languages can mark it for screen readers");
export const YouSaidWeDidBody = z.object({ youSaid: Text(1000, 1), weDid: Text(1000, 1), locale: NoteLocale.default("en") }).openapi("YouSaidWeDidRequest");
export const YouSaidWeDid = z.object({ id: z.string(), eventId: z.string(), youSaid: z.string(), weDid: z.string(), locale: NoteLocale, createdAt: z.string() }).openapi("YouSaidWeDid");

export const noteOut = (n: { id: string; eventId: string; youSaid: string; weDid: string; locale: Locale; createdAt: number }) => ({
  id: n.id,
  eventId: n.eventId,
  youSaid: n.youSaid,
  weDid: n.weDid,
  locale: n.locale,
  createdAt: iso(n.createdAt),
});
