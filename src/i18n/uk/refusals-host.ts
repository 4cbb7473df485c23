// Ukrainian: refusals of host partners and shared venues (English in en/refusals-host.ts).
import type { HostRefusalWords } from "../en/refusals-host";

export const hostRefusals_uk: HostRefusalWords = {
  venue_taken: "«{event}» уже проходить у цьому місці {at}, а місце вміщує лише одне заняття водночас. Виберіть інший час або місце.",
  venue_taken_by: "місце зайняте заняттям «{event}» {at}",
};
