// A short camera clip for Chromium's fake webcam (--use-file-for-fake-video-capture), which plays
// a YUV4MPEG2 file in a loop: a ticket's QR code printed on a white card, held up in front of a
// grey background, with a little sensor noise that changes from frame to frame.
import encodeQR from "qr";

export interface ClipOptions {
  width?: number;
  height?: number;
  frames?: number;
}

const PAPER = 235;
const INK = 20;
const BACKGROUND = 110;

/**
 * The clip as Y4M bytes (4:2:0, full-range luma; chroma planes at 128, so grey). `text` is what
 * the QR code says, drawn with the tickets' own settings (src/features/attendance/ticket.ts);
 * null draws the card with no code on it.
 */
export function qrClip(text: string | null, { width = 640, height = 480, frames = 8 }: ClipOptions = {}): Buffer {
  // The ticket's module matrix, quiet zone included (the card's white margin).
  const matrix = text === null ? null : encodeQR(text, "raw", { ecc: "medium", border: 4, optimize: false });
  const modules = matrix?.length ?? 29;
  const scale = Math.floor((Math.min(width, height) * 0.7) / modules);
  const side = modules * scale;
  const left = Math.floor((width - side) / 2);
  const top = Math.floor((height - side) / 2);

  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`, "ascii");
  const lumaSize = width * height;
  const chromaSize = (width / 2) * (height / 2);
  const frameSize = 6 + lumaSize + 2 * chromaSize;
  const out = Buffer.alloc(header.length + frames * frameSize);
  header.copy(out, 0);
  let seed = 12345;
  const noise = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return ((seed >>> 16) % 13) - 6;
  };
  for (let f = 0; f < frames; f++) {
    const at = header.length + f * frameSize;
    out.write("FRAME\n", at, "ascii");
    const luma = at + 6;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const mx = Math.floor((x - left) / scale);
        const my = Math.floor((y - top) / scale);
        const onCard = x >= left && y >= top && mx < modules && my < modules;
        const base = !onCard ? BACKGROUND : matrix?.[my]?.[mx] ? INK : PAPER;
        out[luma + y * width + x] = Math.max(0, Math.min(255, base + noise()));
      }
    }
    out.fill(128, luma + lumaSize, luma + lumaSize + 2 * chromaSize);
  }
  return out;
}
