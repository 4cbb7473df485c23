import { describe, expect, it } from "vitest";
import { call, COORDINATOR, signIn } from "./flow";

describe("organisations on the Worker with D1", () => {
  it("a coordinator creates a school and adds staff; an API key sees only its school and stops working when revoked", async () => {
    const coordinator = await signIn(COORDINATOR);
    const created = await call("POST", "/api/v1/organisations", { token: coordinator, body: { type: "school", name: "Worker Academy" } });
    expect(created.status).toBe(201);
    const school = ((await created.json()) as { id: string }).id;
    const other = ((await (await call("POST", "/api/v1/organisations", { token: coordinator, body: { type: "school", name: "Other School" } })).json()) as { id: string }).id;

    const added = await call("POST", `/api/v1/organisations/${school}/members`, { token: coordinator, body: { email: "head@worker.example", displayName: "Head" } });
    expect(added.status).toBe(201);
    const staff = await signIn("head@worker.example");
    expect(await (await call("GET", "/api/v1/me", { token: staff })).json()).toMatchObject({ roles: ["organisation_staff"], organisations: [{ id: school }] });

    // Staff cannot create organisations or reach another school's keys.
    expect((await call("POST", "/api/v1/organisations", { token: staff, body: { type: "school", name: "Mine" } })).status).toBe(403);
    expect((await call("GET", `/api/v1/organisations/${other}/api-keys`, { token: staff })).status).toBe(403);

    const keyRes = await call("POST", `/api/v1/organisations/${school}/api-keys`, { token: staff, body: { name: "MIS" } });
    expect(keyRes.status).toBe(201);
    const { id: keyId, key } = (await keyRes.json()) as { id: string; key: string };
    const listed = (await (await call("GET", "/api/v1/organisations", { token: key })).json()) as { items: { id: string }[] };
    expect(listed.items.map((o) => o.id)).toEqual([school]);
    expect((await call("GET", `/api/v1/organisations/${other}/api-keys`, { token: key })).status).toBe(403);

    expect((await call("DELETE", `/api/v1/organisations/${school}/api-keys/${keyId}`, { token: staff })).status).toBe(204);
    expect((await call("GET", "/api/v1/organisations", { token: key })).status).toBe(401);
  });
});
