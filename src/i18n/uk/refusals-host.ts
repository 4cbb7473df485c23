// Ukrainian: refusals of host partners and shared venues (English in en/refusals-host.ts).
import type { HostRefusalWords } from "../en/refusals-host";

export const hostRefusals_uk: HostRefusalWords = {
  check_in_undo_closed: "Реєстр цього заняття закрито, тому цю відмітку не можна скасувати. Попросіть координатора виправити її.",
  check_in_undo_not_in: "Цю людину не відмічено як присутню, тож скасовувати нічого.",
  register_not_started: "Заняття починається {when}: реєстр можна закрити, коли воно почнеться.",
  venue_taken: "«{event}» уже проходить у цьому місці {at}, а місце вміщує лише одне заняття водночас. Виберіть інший час або місце.",
  venue_taken_by: "місце зайняте заняттям «{event}» {at}",
};
