// The staff areas: a landing page, the school area, the employer area and the coordinator area.
// Every page needs sign-in (the od_session cookie), and every object is checked with the same
// rule the API uses (actsFor, managesMentor, isCoordinator), through the feature services.
import type { Api } from "../../lib/env";
import { StaffLanding } from "./pages/landing";
import { formLimit } from "../respond";
import { render, staffView } from "./respond";
import { registerCoordinatorPages } from "./routes-coordinator";
import { registerCoordinatorChangePages } from "./routes-coordinator-changes";
import { registerCoordinatorAdminPages } from "./routes-coordinator-admin";
import { registerCoordinatorRecordPages } from "./routes-coordinator-records";
import { registerWebhookPages } from "./routes-webhooks";
import { registerEmployerPages } from "./routes-employer";
import { registerSchoolPages } from "./routes-school";
import { registerHostPages } from "./routes-host";
import { ownOrganisations, staffAreas } from "./areas";

/** The biggest staff form is a roster of 500 first names and initials. */
const FORM_LIMIT_BYTES = 32 * 1024;

export function registerStaffPages(app: Api) {
  app.on("POST", ["/schools/*", "/employers/*", "/coordinator/*", "/organisations/*", "/host/*"], formLimit(FORM_LIMIT_BYTES));

  app.get("/staff", async (c) => {
    const view = staffView(c);
    if (!view) return c.redirect("/sign-in", 303);
    const [orgs, areas] = await Promise.all([ownOrganisations(c.var.deps, view.actor), staffAreas(c.var.deps, view.actor, view.t)]);
    view.areas = areas;
    return render(c, view, <StaffLanding view={view} orgs={orgs} areas={areas} />);
  });

  registerSchoolPages(app);
  registerEmployerPages(app);
  registerCoordinatorPages(app);
  registerCoordinatorChangePages(app);
  registerCoordinatorAdminPages(app);
  registerHostPages(app);
  registerCoordinatorRecordPages(app);
  registerWebhookPages(app);
}
