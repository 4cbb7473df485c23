// My record pages (issue #17): the same services as the API (features/timebank/record.ts), for
// the young person whose record it is, and for whoever they give a link to.
import { createRecordLink, listRecordLinks, recordByToken, recordOf, revokeRecordLink } from "../../features/timebank/record";
import type { Api } from "../../lib/env";
import { ProblemError } from "../../lib/problem";
import { formLimit, TOKEN_HEADERS } from "../respond";
import { viewFor } from "../view";
import { notFound, render, signedInPost, signInFirst } from "../people/page";
import type { C } from "../people/page";
import type { View } from "../view";
import { MyRecordPage, SharedRecordPage } from "./pages";

async function myRecord(c: C, view: View & { actor: NonNullable<View["actor"]> }, extra: { madeUrl?: string; turnedOff?: boolean } = {}, status: 200 | 201 = 200) {
  const [record, links] = await Promise.all([recordOf(c.var.deps, view.actor.person.id), listRecordLinks(c.var.deps, view.actor)]);
  // A page that may show a fresh secret link: no Referer and no cache, like the sign-in page.
  return render(c, view, <MyRecordPage view={view} record={record} links={links} {...extra} />, status === 201 ? 200 : status, extra.madeUrl ? TOKEN_HEADERS : {});
}

export function registerRecordPages(app: Api) {
  app.on("POST", ["/my/record/*"], formLimit(1024));

  app.get("/my/record", async (c) => {
    const view = viewFor(c);
    if (!view.actor) return signInFirst(c);
    if (!view.actor.person.isYoungPerson) return notFound(c, view);
    return myRecord(c, view as View & { actor: NonNullable<View["actor"]> }, { turnedOff: c.req.query("done") === "off" });
  });

  app.post("/my/record/links", async (c) => {
    const guard = await signedInPost(c);
    if ("response" in guard) return guard.response;
    const { view } = guard;
    if (!view.actor.person.isYoungPerson) return notFound(c, view);
    const { token } = await createRecordLink(c.var.deps, view.actor);
    return myRecord(c, view, { madeUrl: `${c.var.deps.config.publicUrl}/record/${token}` });
  });

  app.post("/my/record/links/:id/off", async (c) => {
    const guard = await signedInPost(c);
    if ("response" in guard) return guard.response;
    const { view } = guard;
    try {
      await revokeRecordLink(c.var.deps, view.actor, c.req.param("id"));
    } catch (err) {
      if (err instanceof ProblemError) return notFound(c, view);
      throw err;
    }
    return c.redirect("/my/record?done=off", 303);
  });

  app.get("/record/:token", async (c) => {
    const view = viewFor(c);
    try {
      const record = await recordByToken(c.var.deps, c.req.param("token"));
      return render(c, view, <SharedRecordPage view={view} record={record} />, 200, TOKEN_HEADERS);
    } catch (err) {
      if (err instanceof ProblemError) return notFound(c, view);
      throw err;
    }
  });
}
