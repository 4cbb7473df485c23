// Shared set-up for the catalogue tests: a few organisations, their staff and API keys.
import { COORDINATOR, type Harness } from "../../../test/support/harness";
import { createOrganisation } from "../organisations/create";
import { createApiKey } from "../organisations/keys";
import { addMember } from "../organisations/members";

export async function catalogueWorld(h: Harness) {
  const employer = await createOrganisation(h.deps, { type: "employer", name: "Northbuild" });
  const otherEmployer = await createOrganisation(h.deps, { type: "employer", name: "Brightbank" });
  const school = await createOrganisation(h.deps, { type: "school", name: "Riverside Academy" });
  await addMember(h.deps, employer.id, { email: "staff@northbuild.test", displayName: "Dee" });
  await addMember(h.deps, school.id, { email: "staff@riverside.test", displayName: "Ms Khan" });
  return {
    employer,
    otherEmployer,
    school,
    coordinator: await h.tokenFor(COORDINATOR),
    employerStaff: await h.tokenFor("staff@northbuild.test"),
    schoolStaff: await h.tokenFor("staff@riverside.test"),
    youngPerson: await h.tokenFor("young@example.com", { dateOfBirth: "2010-01-01", isYoungPerson: true }),
    employerKey: (await createApiKey(h.deps, employer.id, "integration", null)).key,
    otherEmployerKey: (await createApiKey(h.deps, otherEmployer.id, "integration", null)).key,
  };
}

export type World = Awaited<ReturnType<typeof catalogueWorld>>;

export const venueBody = (extra: Record<string, unknown> = {}) => ({
  name: "Central Library",
  address: "1 Library Square, Riverside",
  postcode: "RV1 2LB",
  stepFree: true,
  publicTransport: { en: "Bus 5 to Library Square" },
  ...extra,
});

export const eventBody = (hostOrganisationId: string, extra: Record<string, unknown> = {}) => ({
  type: "career_taster",
  title: { en: "Try a trade" },
  description: { en: "A morning on site with apprentices." },
  hostOrganisationId,
  ...extra,
});

export async function json<T = Record<string, unknown>>(res: Response, status: number): Promise<T> {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}
