// The directory on the website: public search and service pages, posters and their QR
// redirect, and the coordinators' review page. Reads through features/directory; every change
// goes through the same verbs (and so the same rules and audit rows) as the API.
import { decideChange } from "../../features/directory/decide-change";
import { countPosterScan, markChecked } from "../../features/directory/manage";
import { parsePosterKey, posterTarget } from "../../features/directory/posters";
import { allPublished, findService, listCategories, listChanges, listServices, organisationNames, posterCounts, publishedService, staleServices, todayAtVenue, venueName as venueNameOf } from "../../features/directory/read";
import type { Api } from "../../lib/env";
import { ProblemError } from "../../lib/problem";
import { clientIp, enforceRateLimit } from "../../lib/rate-limit";
import { notFound, render, type C } from "../respond";
import { coordinatorPost, coordinatorView, render as renderPrivate } from "../staff/respond";
import { viewFor } from "../view";
import { DirectoryPage, filterLanguages, parseDirectoryForm, ServicePage } from "./pages";
import { PosterPage, PostersPage } from "./posters";
import { DirectoryStaffPage } from "./staff";
import { SuggestPage } from "./suggest";
import { TodayPage } from "./today";
import { editService } from "../../features/directory/edit-service";
import { actsFor } from "../../lib/auth";
import { MessagePage } from "../pages/info";
import { formLimit, refuseCrossSite } from "../respond";

export function registerDirectoryPages(app: Api) {
  app.get("/directory", async (c) => {
    const view = viewFor(c);
    const form = parseDirectoryForm(view.url.searchParams);
    const db = c.var.deps.db;
    const [categories, rows, all] = await Promise.all([listCategories(db), listServices(db, { ...form, q: form.q || undefined, category: form.category || undefined, language: form.language || undefined, venue: form.venue || undefined }, view.now), allPublished(db, view.now)]);
    return render(c, view, <DirectoryPage view={view} form={form} categories={categories} languages={filterLanguages(all)} rows={rows} />);
  });

  app.get("/directory/services/:id", async (c) => {
    const view = viewFor(c);
    const [row, categories] = await Promise.all([publishedService(c.var.deps.db, c.req.param("id")), listCategories(c.var.deps.db)]);
    return row ? render(c, view, <ServicePage view={view} row={row} categories={categories} />) : notFound(c, view);
  });

  // Staff of the organisation that runs a service suggest a change; it waits for a coordinator
  // (rule 20) exactly as a PATCH through the API does. A coordinator's change applies at once.
  const suggestable = async (c: C) => {
    const view = viewFor(c);
    const row = await findService(c.var.deps.db, c.req.param("id") ?? "");
    if (!view.actor) return { refusal: c.redirect("/sign-in", 303) };
    if (!row || !actsFor(view.actor, row.service.organisationId)) return { refusal: await notFound(c, view) };
    return { view, row };
  };
  app.get("/directory/services/:id/suggest", async (c) => {
    const g = await suggestable(c);
    return g.refusal ?? renderPrivate(c, g.view, <SuggestPage view={g.view} row={g.row} />);
  });
  app.post("/directory/services/:id/suggest", formLimit(16 * 1024), async (c) => {
    const refused = refuseCrossSite(c, viewFor(c));
    if (refused) return refused;
    const g = await suggestable(c);
    if (g.refusal) return g.refusal;
    const { view, row } = g;
    const form = await c.req.parseBody();
    const name = String(form.name ?? "").trim().slice(0, 2000);
    const description = String(form.description ?? "").trim().slice(0, 2000);
    if (!name || !description) return renderPrivate(c, view, <SuggestPage view={view} row={row} />, 400);
    await editService(c.var.deps, view.actor!, row.service.id, {
      name: { ...row.service.name, [view.t.locale]: name },
      description: { ...row.service.description, [view.t.locale]: description },
    });
    return renderPrivate(c, view, <MessagePage view={view} title={view.t.t("dirSuggest")} body={view.t.t("dirSuggestSent")} />);
  });

  app.get("/directory/posters", async (c) => {
    const view = viewFor(c);
    const db = c.var.deps.db;
    const [categories, all] = await Promise.all([listCategories(db), allPublished(db, view.now)]);
    const places = new Map(all.flatMap((r) => (r.venue ? [[r.venue.id, r.venue.name] as const] : [])));
    return render(c, view, <PostersPage view={view} categories={categories} venues={[...places].map(([id, name]) => ({ id, name }))} />);
  });

  app.get("/directory/posters/:key", async (c) => {
    const view = viewFor(c);
    const poster = parsePosterKey(c.req.param("key"));
    if (!poster) return notFound(c, view);
    const db = c.var.deps.db;
    const categories = await listCategories(db);
    let venueName: string | null = null;
    if (poster.scope.kind === "category" && !categories.some((cat) => cat.id === (poster.scope as { id: string }).id)) return notFound(c, view);
    if (poster.scope.kind === "venue") {
      venueName = await venueNameOf(db, poster.scope.id);
      if (venueName === null) return notFound(c, view);
    }
    const filter = poster.scope.kind === "category" ? { category: poster.scope.id } : poster.scope.kind === "venue" ? { venue: poster.scope.id } : {};
    const rows = await listServices(db, filter, view.now);
    return render(c, view, <PosterPage view={view} poster={poster} categories={categories} rows={rows} venueName={venueName} />);
  });

  // Who is in the building today: for a screen by the door or to print; linked from the venue's poster.
  app.get("/venues/:id/today", async (c) => {
    const view = viewFor(c);
    const db = c.var.deps.db;
    const id = c.req.param("id");
    const name = await venueNameOf(db, id);
    if (name === null) return notFound(c, view);
    const rows = await todayAtVenue(db, id, view.now);
    return render(c, view, <TodayPage view={view} venue={{ id, name }} rows={rows} />, 200, { headers: { "cache-control": "no-store" } });
  });

  // A poster's QR code: count it (a number per poster, nothing about the reader, no cookie),
  // then on to the list it is about. Not cached, so every scan reaches the count.
  // A flood from one address (a script, not people scanning a poster) still gets the redirect,
  // but stops being counted, so the coordinators' numbers stay honest.
  app.get("/d/:key", async (c) => {
    const poster = parsePosterKey(c.req.param("key"));
    if (!poster) return notFound(c, viewFor(c));
    const counted = await enforceRateLimit(c, "poster_scan_ip", clientIp(c)).then(
      () => true,
      (err) => {
        if (err instanceof ProblemError && err.code === "rate_limited") return false;
        throw err;
      },
    );
    if (counted) await countPosterScan(c.var.deps, poster);
    c.header("cache-control", "no-store");
    return c.redirect(posterTarget(poster.scope), 303);
  });

  const staffPage = async (c: C, done: boolean) => {
    const g = coordinatorView(c);
    if (g.refusal) return g.refusal;
    const db = c.var.deps.db;
    const [changes, stale, scans] = await Promise.all([listChanges(db, { organisationIds: "all", status: "pending" }), staleServices(db, g.view.now), posterCounts(db)]);
    const orgs = await organisationNames(db, changes.map((ch) => ch.organisationId));
    const pending = await Promise.all(
      changes.map(async (change) => ({
        change,
        organisationName: orgs.get(change.organisationId) ?? "",
        serviceName: change.kind === "update" ? ((await findService(db, change.serviceId))?.service.name ?? null) : null,
      })),
    );
    return renderPrivate(c, g.view, <DirectoryStaffPage view={g.view} pending={pending} stale={stale} scans={scans} done={done} />);
  };
  app.get("/coordinator/directory", (c) => staffPage(c, c.req.query("done") === "1"));

  for (const decision of ["approve", "reject"] as const) {
    app.post(`/coordinator/directory/changes/:id/${decision}`, async (c) => {
      const g = await coordinatorPost(c);
      if (g.refusal) return g.refusal;
      try {
        await decideChange(c.var.deps, g.view.actor, c.req.param("id"), decision);
      } catch (err) {
        // Already decided by another coordinator, or gone: the page shows the list as it is now.
        if (!(err instanceof ProblemError) || !["conflict", "not_found"].includes(err.code)) throw err;
      }
      return c.redirect("/coordinator/directory?done=1", 303);
    });
  }

  app.post("/coordinator/directory/services/:id/checked", async (c) => {
    const g = await coordinatorPost(c);
    if (g.refusal) return g.refusal;
    await markChecked(c.var.deps, g.view.actor, c.req.param("id")).catch((err) => {
      if (!(err instanceof ProblemError) || err.code !== "not_found") throw err;
    });
    return c.redirect("/coordinator/directory?done=1", 303);
  });
}
