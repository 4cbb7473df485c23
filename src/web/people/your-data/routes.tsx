// Your data (/my/data): see, download and delete, signed in with the website's cookie. The
// export and the erasure are the API's own services (GET /me/export, DELETE /me).
import { deleteCookie } from "hono/cookie";
import { erasePerson } from "../../../features/privacy/erasure";
import { EXPORT_HEADERS, exportPersonalData } from "../../../features/privacy/export";
import { SESSION_COOKIE } from "../../../lib/auth";
import type { Api } from "../../../lib/env";
import { ProblemError } from "../../../lib/problem";
import { MessagePage } from "../../pages/info";
import { isHttps, viewFor } from "../../view";
import { notFound, render, signedInPost, signInFirst } from "../page";
import { DeleteConfirmPage, DeleteRefusedPage, YourDataPage } from "./pages";

export function registerYourDataPages(app: Api) {
  app.get("/my/data", (c) => {
    const view = viewFor(c);
    if (!view.actor) return signInFirst(c);
    return render(c, view, <YourDataPage view={view} />);
  });

  app.get("/my/data/export", async (c) => {
    const view = viewFor(c);
    if (!view.actor) return signInFirst(c);
    const data = await exportPersonalData(c.var.deps, view.actor.person.id);
    return data ? c.json(data, 200, EXPORT_HEADERS) : notFound(c, view);
  });

  app.get("/my/data/delete", (c) => {
    const view = viewFor(c);
    if (!view.actor) return signInFirst(c);
    return render(c, view, <DeleteConfirmPage view={view} staff={view.actor.organisationIds.length > 0} />);
  });

  app.post("/my/data/delete", async (c) => {
    const guard = await signedInPost(c);
    if ("response" in guard) return guard.response;
    const { view } = guard;
    try {
      await erasePerson(c.var.deps, view.actor, view.actor.person.id);
    } catch (err) {
      // The service refuses one kind of account only: a coordinator's (see erasePerson).
      if (err instanceof ProblemError && err.code === "forbidden") {
        return render(c, view, <DeleteRefusedPage view={view} message={view.t.t("deleteRefusedCoordinator")} />, 403);
      }
      throw err;
    }
    // Every session is already revoked; the cookie goes too, so the browser forgets it.
    deleteCookie(c, SESSION_COOKIE, { path: "/", secure: isHttps(c) });
    // The person's language setting has gone with them: the address carries the page's.
    return c.redirect(`/my/data/deleted?lang=${view.t.locale}`, 303);
  });

  // Signed out by now: this page is the same for everyone and says nothing about anyone.
  app.get("/my/data/deleted", (c) => {
    const view = viewFor(c);
    return render(c, view, <MessagePage view={view} title={view.t.t("deletedTitle")} body={view.t.t("deletedBody")} />);
  });
}
