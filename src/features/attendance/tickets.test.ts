import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import encodeQR from "qr";
import decodeQR from "qr/decode.js";
import { bookings } from "../../db/schema";
import { createHarness, problem, type Harness } from "../../../test/support/harness";
import { seedWorld, staffToken } from "../../../test/support/attendance-fixtures";
import { ticketSvg } from "./ticket";

let h: Harness;
let w: Awaited<ReturnType<typeof seedWorld>>;
beforeAll(async () => {
  h = await createHarness();
  w = await seedWorld(h, "tk");
});
afterAll(() => h.close());

/**
 * Reads our SVG the way a scanner would see it: every dark `<rect x y>` module painted into a
 * white RGBA bitmap at 8 px per module, then handed to a real QR decoder.
 */
function decodeSvg(svg: string): string {
  const size = Number(/viewBox="0 0 (\d+) \d+"/.exec(svg)![1]);
  const scale = 8;
  const W = size * scale;
  const data = new Uint8ClampedArray(W * W * 4).fill(255);
  for (const [, x, y] of svg.matchAll(/<rect x="(\d+)" y="(\d+)" width="1" height="1"/g)) {
    for (let dy = 0; dy < scale; dy++)
      for (let dx = 0; dx < scale; dx++) {
        const i = ((Number(y) * scale + dy) * W + Number(x) * scale + dx) * 4;
        data[i] = data[i + 1] = data[i + 2] = 0;
      }
  }
  return decodeQR({ width: W, height: W, data });
}

describe("ticket QR code", () => {
  it("renders an SVG that a QR decoder reads back as the ticket code", () => {
    expect(decodeSvg(ticketSvg("ABCDE-FGHJK"))).toBe("ABCDE-FGHJK");
  });

  it("control: a different code's SVG reads as that code, so the decoder is really reading", () => {
    expect(decodeSvg(ticketSvg("ZZZZZ-00000"))).toBe("ZZZZZ-00000");
  });

  it("draws exactly the library's module matrix (plus a white background and a label)", () => {
    const svg = ticketSvg("ABCDE-FGHJK");
    const matrix = encodeQR("ABCDE-FGHJK", "raw", { ecc: "medium", border: 4 });
    const dark = new Set([...svg.matchAll(/<rect x="(\d+)" y="(\d+)" width="1"/g)].map(([, x, y]) => `${x},${y}`));
    const expected = new Set(matrix.flatMap((row, y) => row.flatMap((on, x) => (on ? [`${x},${y}`] : []))));
    expect(dark).toEqual(expected);
    expect(svg).toContain('aria-label="Ticket ABCDE-FGHJK"');
    expect(svg).toContain('fill="#fff"');
  });

  it("gives the young person who booked an SVG of their opaque ticket code, never the booking id", async () => {
    const res = await h.request("GET", `/api/v1/bookings/${w.amyBooking.id}/ticket.svg`, { token: w.amy.token });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^image\/svg\+xml/);
    expect(res.headers.get("cache-control")).toContain("no-store");
    const svg = await res.text();
    expect(decodeSvg(svg)).toBe(w.amyBooking.ticketCode);
    expect(svg).not.toContain(w.amyBooking.id);
  });

  it("gives the school's staff their group's ticket, and coordinators any ticket", async () => {
    const school = await h.request("GET", `/api/v1/bookings/${w.groupBooking.id}/ticket.svg`, { token: w.tokens.school });
    expect(school.status).toBe(200);
    expect(decodeSvg(await school.text())).toBe(w.groupBooking.ticketCode);
    const coordinator = await h.request("GET", `/api/v1/bookings/${w.benBooking.id}/ticket.svg`, { token: w.tokens.coordinator });
    expect(coordinator.status).toBe(200);
  });

  it("another young person cannot read someone else's ticket (404, as if it did not exist)", async () => {
    const res = await h.request("GET", `/api/v1/bookings/${w.amyBooking.id}/ticket.svg`, { token: w.ben.token });
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain(w.amyBooking.ticketCode);
  });

  it("the host, another organisation's staff and a school for an individual's ticket get 404 for tickets that are not theirs", async () => {
    const outsider = await staffToken(h, w.otherEmployer, "tk-outsider@other.test");
    for (const token of [w.tokens.host, outsider, w.tokens.school]) {
      const res = await h.request("GET", `/api/v1/bookings/${w.amyBooking.id}/ticket.svg`, { token });
      expect(res.status).toBe(404);
    }
    const group = await h.request("GET", `/api/v1/bookings/${w.groupBooking.id}/ticket.svg`, { token: outsider });
    expect(group.status).toBe(404);
  });

  it("refuses with 401 without a token", async () => {
    const res = await h.request("GET", `/api/v1/bookings/${w.amyBooking.id}/ticket.svg`);
    expect(res.status).toBe(401);
  });

  it("explains that a cancelled booking has no working ticket", async () => {
    await h.db.update(bookings).set({ status: "cancelled" }).where(eq(bookings.id, w.benBooking.id));
    const res = await h.request("GET", `/api/v1/bookings/${w.benBooking.id}/ticket.svg`, { token: w.ben.token });
    expect(res.status).toBe(409);
    expect((await problem(res)).detail).toMatch(/cancelled/);
  });
});
