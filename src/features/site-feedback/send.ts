// Someone sends feedback from the form in a page's footer, or through the API: the words, the
// page (without anything personal in it) and the language, and an email only if they want a
// reply (rule 20). The rate limit and the website's spam checks are the callers' (api.ts,
// web/site-feedback): this is the write they share.
import { siteFeedback } from "../../db/schema";
import { newId } from "../../lib/crypto";
import type { Deps } from "../../lib/deps";
import { refuse } from "../../lib/refusal";
import { feedbackPage } from "./page-path";
import type { SiteFeedbackInput } from "./schemas";

export async function sendSiteFeedback(deps: Deps, input: SiteFeedbackInput) {
  const whatWorks = input.whatWorks.trim();
  const toImprove = input.toImprove.trim();
  if (!whatWorks && !toImprove) throw refuse("sf_nothing_said");
  const now = deps.clock.now();
  // One statement, no audit row: the sender has no account, and an audit entry would be a
  // second record of an anonymous message.
  const [row] = await deps.db
    .insert(siteFeedback)
    .values({ id: newId("sfb", now), page: feedbackPage(input.page), locale: input.locale, whatWorks, toImprove, replyEmail: input.email ?? null, createdAt: now, updatedAt: now })
    .returning();
  return row!;
}
