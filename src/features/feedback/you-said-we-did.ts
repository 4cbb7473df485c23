// Adding a "you said, we did" note to an activity (the route and the coordinator page check who may).
import { youSaidWeDid, type Locale } from "../../db/schema";
import { newId } from "../../lib/crypto";
import type { Deps } from "../../lib/deps";
import type { Actor } from "../../lib/env";
import { loadEvent } from "../attendance/access";

export async function addYouSaidWeDid(deps: Deps, actor: Actor, eventId: string, input: { youSaid: string; weDid: string; locale: Locale }) {
  await loadEvent(deps, eventId);
  const now = deps.clock.now();
  const [note] = await deps.db
    .insert(youSaidWeDid)
    .values({ id: newId("ysw", now), eventId, ...input, authorId: actor.kind === "person" ? actor.person.id : null, createdAt: now })
    .returning();
  return note!;
}
