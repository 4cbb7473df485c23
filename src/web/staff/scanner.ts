// The check-in page's only script, served from our origin as a file (the page's CSP allows
// script-src 'self' and nothing inline). An optional improvement: where the browser has
// BarcodeDetector and a camera, a button scans the ticket's QR code into the same field and
// sends the same form that typing uses. Without it, nothing changes.
const SCRIPT = `(() => {
  const form = document.getElementById("check-in");
  const field = document.getElementById("ticketCode");
  const actions = document.getElementById("scan-actions");
  if (!form || !field || !actions || !("BarcodeDetector" in window) || !navigator.mediaDevices) return;
  const button = document.createElement("button");
  button.type = "button";
  button.className = "button secondary";
  button.textContent = form.dataset.scan;
  const status = document.createElement("p");
  status.setAttribute("role", "status");
  const video = document.createElement("video");
  video.className = "scan";
  video.muted = true;
  video.setAttribute("playsinline", "");
  video.hidden = true;
  actions.append(button);
  form.append(status, video);
  let stream = null;
  const stop = () => {
    if (stream) stream.getTracks().forEach((t) => t.stop());
    stream = null;
    video.hidden = true;
    button.textContent = form.dataset.scan;
  };
  button.addEventListener("click", async () => {
    if (stream) return stop();
    try {
      const detector = new window.BarcodeDetector({ formats: ["qr_code"] });
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } });
      video.srcObject = stream;
      video.hidden = false;
      await video.play();
      button.textContent = form.dataset.stop;
      status.textContent = form.dataset.hint;
      const look = async () => {
        if (!stream) return;
        const codes = await detector.detect(video).catch(() => []);
        if (codes.length > 0) {
          field.value = codes[0].rawValue;
          stop();
          form.requestSubmit();
          return;
        }
        setTimeout(look, 250);
      };
      look();
    } catch {
      stop();
      status.textContent = form.dataset.failed;
      field.focus();
    }
  });
})();
`;

export const SCANNER_JS = SCRIPT;

function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(36);
}

export const SCANNER_PATH = `/assets/check-in.${fingerprint(SCRIPT)}.js`;
