// Checking people in with the camera, in a real Chromium whose fake webcam plays a clip of a
// ticket's QR code (test/support/camera-clip.ts). Headless Chromium on Linux has no
// BarcodeDetector, like Safari and Firefox, so the page must fall back to the decoder we serve;
// a stand-in for the browser's own detector proves that path is preferred where it exists.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import { eq } from "drizzle-orm";
import { chromium, type Browser, type Page } from "playwright-core";
import decodeQR from "qr/decode.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bookings, sessions } from "../../src/db/schema";
import { newTicketCode } from "../../src/lib/crypto";
import { qrClip } from "../support/camera-clip";
import { CHROMIUM, CHROMIUM_ARGS, COORDINATOR_EMAIL, haveChromium, signedInLanding, signIn, startSite, type Site } from "../support/browser";

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const SCAN_BUTTON = "Scan the QR code with the camera";

/**
 * Runs before the page's own script in every page of the tab: reports CSP violations as console
 * errors, and counts camera tracks started and stopped in sessionStorage, which survives the
 * form's submission, so we can tell the camera was turned off before the page moved on.
 */
const WATCH = `
document.addEventListener("securitypolicyviolation", (e) => console.error("CSP violation: " + e.violatedDirective + " " + e.blockedURI));
const bump = (key, n) => sessionStorage.setItem(key, String(Number(sessionStorage.getItem(key) || 0) + n));
const getUserMedia = MediaDevices.prototype.getUserMedia;
MediaDevices.prototype.getUserMedia = async function (...args) {
  const stream = await getUserMedia.apply(this, args);
  bump("tracksStarted", stream.getTracks().length);
  return stream;
};
const stop = MediaStreamTrack.prototype.stop;
MediaStreamTrack.prototype.stop = function () {
  if (this.readyState === "live") bump("tracksStopped", 1);
  return stop.call(this);
};
`;

/** Whatever this Chromium has, the fallback tests run as Safari and Firefox do: without it. */
const NO_NATIVE_DETECTOR = `delete window.BarcodeDetector;`;

/**
 * The browser's own BarcodeDetector, as Chrome on Android and macOS have it. Ours reads the real
 * camera frame and hands its brightness to the test (the `readQr` binding), which decodes it
 * outside the page, as a platform detector would.
 */
const NATIVE_DETECTOR = `
window.nativeDetections = 0;
window.BarcodeDetector = class BarcodeDetector {
  static async getSupportedFormats() { return ["qr_code"]; }
  constructor(options) { this.formats = options.formats; }
  async detect(source) {
    if (!(source instanceof HTMLVideoElement) || source.readyState < 2) return [];
    window.nativeDetections++;
    const width = source.videoWidth, height = source.videoHeight;
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext("2d");
    context.drawImage(source, 0, 0);
    const rgba = context.getImageData(0, 0, width, height).data;
    let luma = "";
    for (let i = 0; i < rgba.length; i += 4) luma += String.fromCharCode((rgba[i] * 77 + rgba[i + 1] * 150 + rgba[i + 2] * 29) >> 8);
    const rawValue = await window.readQr(width, height, btoa(luma));
    return rawValue ? [{ rawValue, format: "qr_code", boundingBox: new DOMRectReadOnly(), cornerPoints: [] }] : [];
  }
};
`;

interface Camera {
  page: Page;
  /** Console errors, uncaught exceptions and CSP violations: there must be none. */
  problems: string[];
  /** Every URL the page asked for. */
  requested: string[];
  close(): Promise<void>;
}

describe.skipIf(!haveChromium())("checking in with the camera in Chromium", () => {
  let site: Site;
  let clips: string;
  const browsers: Browser[] = [];

  beforeAll(async () => {
    site = await startSite("camera");
    clips = mkdtempSync(join(tmpdir(), "open-door-clips-"));
  });

  afterAll(async () => {
    await Promise.all(browsers.map((b) => b.close()));
    await site?.close();
    if (clips) rmSync(clips, { recursive: true, force: true });
  });

  /** A session starting in an hour (check-in is open) with one confirmed booking and its real ticket code. */
  async function sessionWithBooking(name: string, personId: string) {
    const db = site.server.deps.db;
    const now = Date.now();
    const startsAt = now + 60 * 60_000;
    const endsAt = startsAt + 90 * 60_000;
    const sessionId = `ses_camera_${name}`;
    const bookingId = `bkg_camera_${name}`;
    const ticketCode = newTicketCode();
    await db.insert(sessions).values({ id: sessionId, eventId: "evt_cv", startsAt, endsAt, venueId: "ven_library", capacity: 12, seatsTaken: 1, createdAt: now, updatedAt: now });
    await db.insert(bookings).values({ id: bookingId, kind: "individual", status: "confirmed", sessionId, personId, startsAt, endsAt, ticketCode, createdAt: now });
    return { sessionId, bookingId, ticketCode, checkedInAt: async () => (await db.select().from(bookings).where(eq(bookings.id, bookingId)))[0]!.checkedInAt };
  }

  /** Chromium whose webcam shows `clip`, camera allowed for our site, a coordinator signed in. */
  async function cameraShowing(name: string, clip: Buffer, detector: string): Promise<Camera> {
    const file = join(clips, `${name}.y4m`);
    writeFileSync(file, clip);
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [...CHROMIUM_ARGS, "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", `--use-file-for-fake-video-capture=${file}`],
    });
    browsers.push(browser);
    const context = await browser.newContext({ viewport: { width: 800, height: 900 } });
    await context.grantPermissions(["camera"], { origin: site.base });
    await context.addInitScript(WATCH);
    await context.addInitScript(detector);
    await context.exposeFunction("readQr", (width: number, height: number, luma: string) => {
      try {
        return decodeQR({ width, height, data: new Uint8Array(Buffer.from(luma, "base64")) }, { format: "I420" });
      } catch {
        return null;
      }
    });
    const page = await context.newPage();
    const problems: string[] = [];
    const requested: string[] = [];
    // (Chromium also asks for /favicon.ico, which the site does not have: not a problem here.)
    page.on("console", (m) => m.type() === "error" && !/favicon/.test(m.location().url) && problems.push(m.text()));
    page.on("pageerror", (e) => problems.push(e.message));
    page.on("request", (r) => requested.push(new URL(r.url()).pathname));
    await signIn(site, page, COORDINATOR_EMAIL);
    await Promise.all([page.waitForURL(signedInLanding), page.click("main form button")]);
    return { page, problems, requested, close: () => browser.close() };
  }

  /** Camera tracks the tab started and stopped, as counted by WATCH. */
  const tracks = (page: Page) =>
    page.evaluate(() => {
      const { sessionStorage } = globalThis as unknown as { sessionStorage: { getItem(key: string): string | null } };
      return { started: Number(sessionStorage.getItem("tracksStarted") ?? 0), stopped: Number(sessionStorage.getItem("tracksStopped") ?? 0) };
    });
  const decoderRequests = (camera: Camera) => camera.requested.filter((path) => path.startsWith("/assets/qr-decoder."));

  it("checks someone in from their ticket's QR code with the decoder we serve, where the browser has no BarcodeDetector", async () => {
    const olena = await sessionWithBooking("fallback", "per_demo_olena");
    const camera = await cameraShowing("fallback", qrClip(olena.ticketCode), NO_NATIVE_DETECTOR);
    const { page } = camera;
    await page.goto(`${site.base}/coordinator/sessions/${olena.sessionId}/check-in`);
    expect(await page.evaluate(() => "BarcodeDetector" in globalThis)).toBe(false);
    // Nothing heavy until the button is pressed: the decoder is fetched on demand.
    expect(decoderRequests(camera)).toEqual([]);
    const button = page.getByRole("button", { name: SCAN_BUTTON });
    const box = (await button.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(44);
    expect(box.width).toBeGreaterThanOrEqual(44);
    expect(await page.getAttribute("video.scan", "aria-label")).toBe("Camera view for scanning a ticket");
    expect(await page.locator("video.scan").isHidden()).toBe(true);

    await button.click();
    await page.getByText("Olena is checked in.").waitFor({ timeout: 30_000 });
    expect(await olena.checkedInAt()).toEqual(expect.any(Number));
    expect(await page.inputValue("#ticketCode")).toBe("");
    expect(decoderRequests(camera)).toEqual([expect.stringMatching(/\/decode\.js$/), expect.stringMatching(/\/index\.js$/)]);
    // The camera was turned off before the form was sent.
    const { started, stopped } = await tracks(page);
    expect(started).toBeGreaterThan(0);
    expect(stopped).toBe(started);
    expect(camera.problems).toEqual([]);
    await camera.close();
  });

  it("prefers the browser's own BarcodeDetector where it has one, and never fetches our decoder", async () => {
    const kuba = await sessionWithBooking("native", "per_demo_kuba");
    const camera = await cameraShowing("native", qrClip(kuba.ticketCode), NATIVE_DETECTOR);
    const { page } = camera;
    await page.goto(`${site.base}/coordinator/sessions/${kuba.sessionId}/check-in`);
    await page.getByRole("button", { name: SCAN_BUTTON }).click();
    await page.getByText("Kuba is checked in.").waitFor({ timeout: 30_000 });
    expect(await kuba.checkedInAt()).toEqual(expect.any(Number));
    expect(decoderRequests(camera)).toEqual([]);
    const { started, stopped } = await tracks(page);
    expect(started).toBeGreaterThan(0);
    expect(stopped).toBe(started);
    expect(camera.problems).toEqual([]);
    await camera.close();
  });

  it("control: a QR code that is not this session's ticket checks nobody in, and the refusal is shown", async () => {
    const aisha = await sessionWithBooking("other-code", "per_demo_aisha");
    const stranger = newTicketCode();
    const camera = await cameraShowing("other-code", qrClip(stranger), NO_NATIVE_DETECTOR);
    const { page } = camera;
    await page.goto(`${site.base}/coordinator/sessions/${aisha.sessionId}/check-in`);
    await page.getByRole("button", { name: SCAN_BUTTON }).click();
    await page.getByText("We can't find a ticket with that code.").waitFor({ timeout: 30_000 });
    // The decoder read the code on the card, and the server refused it.
    expect(await page.inputValue("#ticketCode")).toBe(stranger);
    expect(await aisha.checkedInAt()).toBeNull();
    // (The refusal is a 404 page for this code: Chromium logs that response as a console error.)
    expect(camera.problems.filter((p) => p !== "Failed to load resource: the server responded with a status of 404 (Not Found)")).toEqual([]);
    await camera.close();
  });

  it("control: a card with no QR code checks nobody in; the camera view is named, and stopping turns the camera off", async () => {
    const aisha = await sessionWithBooking("no-code", "per_demo_aisha");
    const camera = await cameraShowing("no-code", qrClip(null), NO_NATIVE_DETECTOR);
    const { page } = camera;
    const url = `${site.base}/coordinator/sessions/${aisha.sessionId}/check-in`;
    await page.goto(url);
    await page.getByRole("button", { name: SCAN_BUTTON }).click();
    await page.getByText("Hold the ticket's QR code in front of the camera.").waitFor();
    const video = page.locator("video.scan");
    expect(await video.isVisible()).toBe(true);
    expect(await video.evaluate((v) => (v as unknown as { videoWidth: number }).videoWidth)).toBe(640);
    expect(await page.locator("[role=status]", { hasText: "Hold the ticket" }).count()).toBe(1);
    const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    // Two and a half seconds of frames (a dozen looks) with nothing to find.
    await page.waitForTimeout(2500);
    expect(page.url()).toBe(url);
    expect(await aisha.checkedInAt()).toBeNull();
    await page.getByRole("button", { name: "Stop the camera" }).click();
    expect(await video.isHidden()).toBe(true);
    expect(await page.getByRole("button", { name: SCAN_BUTTON }).count()).toBe(1);
    const { started, stopped } = await tracks(page);
    expect(started).toBeGreaterThan(0);
    expect(stopped).toBe(started);
    expect(decoderRequests(camera).length).toBe(2);
    expect(camera.problems).toEqual([]);
    await camera.close();
  });
});
