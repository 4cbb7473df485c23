// One simple pictogram per category (inline SVG, 24×24, drawn in the text colour so high
// contrast mode keeps them visible). Always shown beside the category's name, never alone:
// aria-hidden, because the words beside it say the same.
import { raw } from "hono/html";
import type { DirectoryPictogram } from "../../db/schema";

const PATHS: Record<DirectoryPictogram, string> = {
  // a bowl with steam
  food: '<path d="M3 12h18a9 9 0 0 1-18 0z"/><path d="M8 3c-1 1.5 1 2.5 0 4M12 3c-1 1.5 1 2.5 0 4M16 3c-1 1.5 1 2.5 0 4" fill="none" stroke="currentColor" stroke-width="1.5"/>',
  // a pram
  childcare: '<path d="M4 5h7v7h10a7 7 0 0 1-7 6H10a6 6 0 0 1-6-6z"/><circle cx="8" cy="20.5" r="2"/><circle cx="17" cy="20.5" r="2"/>',
  // two adults and a child
  family: '<circle cx="6" cy="5" r="2.5"/><circle cx="18" cy="5" r="2.5"/><circle cx="12" cy="10" r="2"/><path d="M3 9h6v7H8v6H4v-6H3zM15 9h6v7h-1v6h-4v-6h-1zM10 13h4v4h-1v5h-2v-5h-1z"/>',
  // a heart
  wellbeing: '<path d="M12 21 3.5 12.5A5 5 0 0 1 12 5.5a5 5 0 0 1 8.5 7z"/>',
  // a medical cross
  health: '<path d="M9 3h6v6h6v6h-6v6H9v-6H3V9h6z"/>',
  // a house
  housing: '<path d="M12 3 2 12h3v9h5v-6h4v6h5v-9h3z"/>',
  // a coin with a pound sign
  money: '<circle cx="12" cy="12" r="10"/><path d="M15 8.5a3 3 0 0 0-5.5 1.5V16H15M8 12.5h5M8.5 16h1" fill="none" stroke="#fff" stroke-width="1.8"/>',
  // a jigsaw piece
  send: '<path d="M4 7h4a2.5 2.5 0 1 1 5 0h4v4a2.5 2.5 0 1 1 0 5v4h-4a2.5 2.5 0 1 0-5 0H4v-4a2.5 2.5 0 1 0 0-5z"/>',
  // a star
  youth: '<path d="m12 2 3 6.5 7 .8-5.2 4.8 1.4 7L12 17.5 5.8 21l1.4-7L2 9.3l7-.8z"/>',
  // a briefcase
  jobs: '<path d="M9 4h6a1 1 0 0 1 1 1v2h5v12H3V7h5V5a1 1 0 0 1 1-1zm1 3h4V6h-4z"/>',
  // an "i" for information
  other: '<circle cx="12" cy="12" r="10"/><path d="M11 10h2v8h-2zM11 6h2v2h-2z" fill="#fff"/>',
};

export function Pictogram({ name, size = 32 }: { name: DirectoryPictogram; size?: number }) {
  return raw(`<svg class="pictogram" aria-hidden="true" focusable="false" width="${size}" height="${size}" viewBox="0 0 24 24" fill="currentColor">${PATHS[name] ?? PATHS.other}</svg>`);
}
