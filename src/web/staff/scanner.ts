// The check-in page's script, served from our origin as a file (the page's CSP allows
// script-src 'self' and nothing inline). An optional improvement: where the browser can use a
// camera, a button scans the ticket's QR code into the same field and sends the same form that
// typing uses. Without script or a camera, nothing changes: typed codes always work.
//
// The QR reader is the browser's own BarcodeDetector where it reads QR codes (Chrome on Android
// and macOS); anywhere else, our copy of the qr package's decoder (qr-decoder.ts), imported only
// when the button is pressed, so the page stays light for everyone who types.
import { fingerprint, IMMUTABLE, JAVASCRIPT } from "../assets";
import type { Api } from "../../lib/env";
import { QR_DECODER_PATH, registerQrDecoder } from "./qr-decoder";

const SCRIPT = `(() => {
  const form = document.getElementById("check-in");
  const field = document.getElementById("ticketCode");
  const actions = document.getElementById("scan-actions");
  const media = navigator.mediaDevices;
  if (!form || !field || !actions || !media || !media.getUserMedia) return;
  const text = form.dataset;
  const button = document.createElement("button");
  button.type = "button";
  button.className = "button secondary";
  button.textContent = text.scan;
  const status = document.createElement("p");
  status.id = "scan-status";
  status.setAttribute("role", "status");
  const video = document.createElement("video");
  video.className = "scan";
  video.muted = true;
  video.setAttribute("playsinline", "");
  video.setAttribute("aria-label", text.video);
  video.setAttribute("aria-describedby", "scan-status");
  video.hidden = true;
  actions.append(button);
  form.append(status, video);
  let running = false;
  let stream = null;
  let timer = 0;
  // Turns the camera off (its light goes out) whenever scanning ends, for any reason.
  const stop = () => {
    running = false;
    clearTimeout(timer);
    if (stream) stream.getTracks().forEach((t) => t.stop());
    stream = null;
    video.srcObject = null;
    video.hidden = true;
    button.textContent = text.scan;
  };
  const reader = async () => {
    const Native = window.BarcodeDetector;
    if (Native) {
      const formats = await Native.getSupportedFormats().catch(() => []);
      if (formats.includes("qr_code")) return new Native({ formats: ["qr_code"] });
    }
    const { BarcodeDetector } = await import(${JSON.stringify(QR_DECODER_PATH)});
    return new BarcodeDetector({ formats: ["qr_code"] });
  };
  button.addEventListener("click", async () => {
    if (running) {
      stop();
      status.textContent = "";
      return;
    }
    running = true;
    button.textContent = text.stop;
    status.textContent = text.starting;
    try {
      const loading = reader();
      loading.catch(() => {});
      const camera = await media.getUserMedia({ video: { facingMode: "environment" }, audio: false });
      if (!running) return camera.getTracks().forEach((t) => t.stop());
      stream = camera;
      video.srcObject = camera;
      video.hidden = false;
      await video.play();
      const detector = await loading;
      if (!running) return;
      status.textContent = text.hint;
      const look = async () => {
        if (!running) return;
        const codes = await detector.detect(video).catch(() => []);
        if (!running) return;
        const found = codes.find((code) => code.rawValue);
        if (!found) {
          timer = setTimeout(look, 200);
          return;
        }
        field.value = found.rawValue.trim();
        stop();
        status.textContent = text.found;
        if (form.requestSubmit) form.requestSubmit();
        else form.submit();
      };
      look();
    } catch {
      stop();
      status.textContent = text.failed;
      field.focus();
    }
  });
  // A locked phone or a closed tab leaves no camera running.
  addEventListener("pagehide", stop);
  document.addEventListener("visibilitychange", () => {
    if (document.hidden && running) {
      stop();
      status.textContent = "";
    }
  });
})();
`;

export const SCANNER_PATH = `/assets/check-in.${fingerprint(SCRIPT)}.js`;

/** The scanner and the decoder it may import, both cached for a year under fingerprinted names. */
export function registerScannerAssets(app: Api) {
  app.get(SCANNER_PATH, (c) => c.body(SCRIPT, 200, { "content-type": JAVASCRIPT, "cache-control": IMMUTABLE }));
  registerQrDecoder(app);
}
