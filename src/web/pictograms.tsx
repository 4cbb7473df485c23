// Pictures for people who find reading hard (issue #14 item 8): one pictogram per activity type,
// access fact and tag, drawn the way src/web/directory/pictograms.tsx draws the directory's:
// inline SVG on a 24×24 grid, filled with the text colour (so high contrast keeps them visible;
// holes are cut with even-odd fill, never painted white), no third-party asset. Always beside
// its words, never alone, so the SVG is aria-hidden: the label says the same thing.
import { raw } from "hono/html";
import type { View } from "./view";

const EVEN_ODD = 'fill-rule="evenodd"';

/** Activity types. A type added later without a picture shows the "information" one. */
const EVENT_TYPE_PATHS: Record<string, string> = {
  // a hard hat
  career_taster: '<path d="M3 16a9 9 0 0 1 18 0zM10 5h4v5h-4zM1 17h22v3H1z"/>',
  // a page with lines of writing
  cv_workshop: `<path ${EVEN_ODD} d="M5 2h10l4 4v16H5zM8 9v1.5h8V9zm0 4v1.5h8V13zm0 4v1.5h5V17z"/>`,
  // two speech bubbles
  interview_skills: '<path d="M2 3h12v8H7l-3 3v-3H2zM16 7h6v8h-2v3l-3-3h-6v-2h5z"/>',
  // a stack of coins
  budgeting: '<ellipse cx="12" cy="6" rx="8" ry="3"/><path d="M4 8.5v2.5c0 1.7 3.6 3 8 3s8-1.3 8-3V8.5c0 1.7-3.6 3-8 3s-8-1.3-8-3zM4 14v2.5c0 1.7 3.6 3 8 3s8-1.3 8-3V14c0 1.7-3.6 3-8 3s-8-1.3-8-3z"/>',
  // an older person with a walking stick beside a younger one
  intergenerational: '<circle cx="7" cy="4" r="2.2"/><path d="M4.5 7.5h5v7H8.5V22h-2v-7.5h-2zM11 10h1.2v12H11z"/><circle cx="17.5" cy="8" r="2"/><path d="M15.2 11h4.6v5.5h-1V22h-2.6v-5.5h-1z"/>',
  // three people together
  community_event: '<circle cx="5" cy="8" r="2.2"/><circle cx="12" cy="6" r="2.5"/><circle cx="19" cy="8" r="2.2"/><path d="M1 19a4 4 0 0 1 8 0v2H1zM7.5 17a4.5 4.5 0 0 1 9 0v4h-9zM15 19a4 4 0 0 1 8 0v2h-8z"/>',
  // a raised hand beside a speech bubble: getting involved, having a say
  co_production: '<path d="M5 12V6.2a1.1 1.1 0 0 1 2.2 0V11h.6V4.7a1.1 1.1 0 0 1 2.2 0V11h.6V5.7a1.1 1.1 0 0 1 2.2 0V12h.6V8.2a1.1 1.1 0 0 1 2.2 0V15a7 7 0 0 1-7 7h-.4a5.6 5.6 0 0 1-4.6-2.4l-3.3-4.8a1.2 1.2 0 0 1 2-1.4z"/><path d="M15 2h8v6h-3l-2.5 2.2V8H15z"/>',
};

/** Access facts of a venue and access features of an activity (the accessNeeds table). */
const ACCESS_PATHS: Record<string, string> = {
  // the wheelchair symbol
  step_free: '<circle cx="9" cy="3.5" r="2"/><path d="M8 7h2.5v4.5H15l3.2 6.4-1.8.9-2.6-5.3H8z"/><path d="M6.5 10.6A5.5 5.5 0 1 0 14 18h-2.2a3.4 3.4 0 1 1-5.3-5.1z"/>',
  // a toilet
  accessible_toilet: '<path d="M4 3h5v8h11v1.5a7 7 0 0 1-5 6.7V22H8v-3.5A7 7 0 0 1 4 12.5z"/>',
  // an ear
  hearing_loop: '<path d="M12 2a7.5 7.5 0 0 0-7.5 7.5c0 2.3 1 3.5 2 4.5s1.5 1.8 1.5 3a4 4 0 0 0 8 0h-2.2a1.8 1.8 0 0 1-3.6 0c0-2-.9-3.1-1.9-4.1-.8-.8-1.6-1.6-1.6-3.4a5.3 5.3 0 0 1 10.6 0h2.2A7.5 7.5 0 0 0 12 2z"/><path d="M12 6.5a3 3 0 0 0-3 3h2a1 1 0 0 1 2 0c0 1-1.5 1.5-1.5 3h2c0-1 1.5-1.7 1.5-3a3 3 0 0 0-3-3z"/>',
  // a crescent moon: somewhere quiet
  quiet_room: '<path d="M14 2.5a9.5 9.5 0 1 0 7.5 15.3A8 8 0 0 1 14 2.5z"/>',
  // a parking sign
  disabled_parking: `<path ${EVEN_ODD} d="M3 3h18v18H3zM9 6.5V18h2.4v-4H13a3.75 3.75 0 0 0 0-7.5zm2.4 2.2H13a1.55 1.55 0 0 1 0 3.1h-1.6z"/>`,
  // a signing hand
  bsl: '<path d="M7 12V5.2a1.2 1.2 0 0 1 2.4 0V11h.8V3.7a1.2 1.2 0 0 1 2.4 0V11h.8V4.7a1.2 1.2 0 0 1 2.4 0V12h.8V7.2a1.2 1.2 0 0 1 2.4 0V15a7 7 0 0 1-7 7h-.7a6 6 0 0 1-4.9-2.6l-3.7-5.3a1.3 1.3 0 0 1 2.1-1.5z"/>',
  // an open book
  easy_read: '<path d="M2 5c3.3-1.2 6.8-1 9 1v14c-2.2-1.8-5.7-2-9-1zM22 5c-3.3-1.2-6.8-1-9 1v14c2.2-1.8 5.7-2 9-1z"/>',
  // a leaf: calm, soft light and sound
  sensory_friendly: '<path d="M20.5 3.5C11 3.5 4 8 4 15.5c0 1.6.4 3.1 1.1 4.4L7 18c1.7-4.4 5-7.6 9-9.5-3.3 2.6-5.8 6-7.3 10.7 1 .4 2 .6 3.2.6 7 0 9.8-7.5 8.6-16.3z"/>',
};

/** Tags: the strands the programme runs. */
const TAG_PATHS: Record<string, string> = {
  // a hammer
  women_in_trades: '<path d="M9.5 3.5 14 2l6 5-2.5 3-2-1.6-1.8 2-2.3-2 1.8-2.1-2.4-2zM10.7 9.6l2.3 2L5 21l-2.4-2z"/>',
  // the infinity sign
  neurodiverse_friendly: '<path d="M12 12c-2-3-4-4.5-6-4.5a4.5 4.5 0 0 0 0 9c2 0 4-1.5 6-4.5s4-4.5 6-4.5a4.5 4.5 0 0 1 0 9c-2 0-4-1.5-6-4.5z" fill="none" stroke="currentColor" stroke-width="2.4"/>',
  // a pram
  young_parents: '<path d="M4 5h7v7h10a7 7 0 0 1-7 6H10a6 6 0 0 1-6-6z"/><circle cx="8" cy="20.5" r="2"/><circle cx="17" cy="20.5" r="2"/>',
  // two adults and a child
  families: '<circle cx="6" cy="5" r="2.5"/><circle cx="18" cy="5" r="2.5"/><circle cx="12" cy="10" r="2"/><path d="M3 9h6v7H8v6H4v-6H3zM15 9h6v7h-1v6h-4v-6h-1zM10 13h4v4h-1v5h-2v-5h-1z"/>',
  // a jigsaw piece
  send_friendly: '<path d="M4 7h4a2.5 2.5 0 1 1 5 0h4v4a2.5 2.5 0 1 1 0 5v4h-4a2.5 2.5 0 1 0-5 0H4v-4a2.5 2.5 0 1 0 0-5z"/>',
};

// An "i" for information: anything the tables above do not know yet.
const INFORMATION = `<path ${EVEN_ODD} d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zM11 10v8h2v-8zm0-4v2h2V6z"/>`;

export type PictogramTable = "eventTypes" | "accessNeeds" | "tags";
const TABLES: Record<PictogramTable, Record<string, string>> = { eventTypes: EVENT_TYPE_PATHS, accessNeeds: ACCESS_PATHS, tags: TAG_PATHS };

/** The keys each table draws, for the test that every type, access need and tag has its own. */
export const PICTOGRAM_KEYS = { eventTypes: Object.keys(EVENT_TYPE_PATHS), accessNeeds: Object.keys(ACCESS_PATHS), tags: Object.keys(TAG_PATHS) };

/** Just the picture (aria-hidden): always put words beside it. */
export function Picture({ table, name, size = 24 }: { table: PictogramTable; name: string; size?: number }) {
  const paths = TABLES[table][name] ?? INFORMATION;
  return raw(`<svg class="pictogram" aria-hidden="true" focusable="false" width="${size}" height="${size}" viewBox="0 0 24 24" fill="currentColor">${paths}</svg>`);
}

/** A pictogram with its label in the page's language, from the same table as the picture. */
export function Pictogram({ view, table, name, size }: { view: View; table: PictogramTable; name: string; size?: number }) {
  return (
    <span class="picto">
      <Picture table={table} name={name} size={size} />
      <span>{view.t.label(table, name)}</span>
    </span>
  );
}
