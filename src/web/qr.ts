import encodeQR from "qr";

const escapeXml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/**
 * A QR code as a small inline SVG: one path, one unit per module, each horizontal run of dark
 * modules drawn as a single rectangle. Error correction M survives a creased or scuffed poster.
 */
export function qrSvg(text: string, label: string): string {
  // The same QR library as the tickets (attendance/ticket.ts); "raw" is the module matrix.
  const data = encodeQR(text, "raw", { ecc: "medium", border: 4 });
  const size = data.length;
  let path = "";
  data.forEach((row, y) => {
    for (let x = 0; x < size; x++) {
      if (!row[x]) continue;
      let end = x;
      while (end + 1 < size && row[end + 1]) end++;
      path += `M${x} ${y}h${end - x + 1}v1H${x}z`;
      x = end;
    }
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" role="img" aria-label="${escapeXml(label)}" shape-rendering="crispEdges"><rect width="${size}" height="${size}" fill="#fff"/><path fill="#000" d="${path}"/></svg>`;
}
