// Demo data for the feedback form's inbox and the programme's "you said, we did" (issue #16):
// items in each state, anonymous and with a reply address, in several languages, and the lines
// published from them, so `npm start` shows the loop from a remark to a change.
import type { Db } from "./client";
import { insertsInChunks } from "./insert-chunks";
import { programmeNotes, siteFeedback, youSaidWeDid } from "./schema";
import { DAY } from "../lib/time";

export function siteFeedbackDemoInserts(db: Db, now: number) {
  const items = [
    { id: "sfb_demo_font", page: "/events", locale: "en" as const, whatWorks: "Easy to find things on my phone.", toImprove: "The writing is small on the poster pages.", replyEmail: null, status: "new" as const, daysAgo: 1 },
    { id: "sfb_demo_polish", page: "/directory", locale: "pl" as const, whatWorks: "", toImprove: "Proszę dodać więcej usług po polsku.", replyEmail: "marta@example.com", status: "new" as const, daysAgo: 2 },
    { id: "sfb_demo_map", page: "/directory/services/dsv_foodbank", locale: "en" as const, whatWorks: "Knowing there is step-free access before I go.", toImprove: "", replyEmail: null, status: "in_hand" as const, daysAgo: 4 },
    { id: "sfb_demo_evening", page: "/", locale: "uk" as const, whatWorks: "", toImprove: "Більше занять увечері, після роботи.", replyEmail: "olena@example.com", status: "done" as const, daysAgo: 20 },
    { id: "sfb_demo_quiet", page: "/events", locale: "en" as const, whatWorks: "", toImprove: "Say which events have a quiet room.", replyEmail: null, status: "done" as const, daysAgo: 30 },
  ].map(({ daysAgo, ...f }) => ({ ...f, createdAt: now - daysAgo * DAY, updatedAt: now - daysAgo * DAY, repliedAt: f.status === "done" && f.replyEmail ? now - (daysAgo - 1) * DAY : null }));
  const notes = [
    { id: "ysw_demo_evening", youSaid: "More sessions in the evening, after work or college.", weDid: "Interview practice and the CV workshop now also run on Thursday evenings.", feedbackId: "sfb_demo_evening", daysAgo: 18 },
    { id: "ysw_demo_quiet", youSaid: "Tell us which events have a quiet room.", weDid: "Every event page now lists the venue's access, including quiet rooms, and you can filter for sensory-friendly sessions.", feedbackId: "sfb_demo_quiet", daysAgo: 28 },
  ].map(({ daysAgo, ...n }) => ({ ...n, locale: "en" as const, authorId: "per_coordinator", createdAt: now - daysAgo * DAY }));
  return [
    ...insertsInChunks(db, siteFeedback, items),
    ...insertsInChunks(db, programmeNotes, notes),
    db.insert(youSaidWeDid).values({ id: "ysw_demo_stories", eventId: "evt_stories", youSaid: "Sessions with the same residents every week, so we get to know them.", weDid: "Storytelling is now a weekly series with the same group for eight weeks.", locale: "en", authorId: "per_coordinator", createdAt: now - 10 * DAY }),
  ];
}
