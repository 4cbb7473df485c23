// Ukrainian: refusals of the timebank (English in en/refusals-timebank.ts). Needs a native speaker's review.
import type { TimebankRefusalWords } from "../en/refusals-timebank";

export const timebankRefusals_uk: TimebankRefusalWords = {
  host_only_contributors: "Лише організація, що проводить це заняття, або координатор може записати, хто присвятив йому час.",
  no_contributor: "Ми не можемо знайти цю людину.",
  contributor_session_cancelled: "Це заняття скасовано, тому для нього не можна записати час.",
  contribution_before_end: "Час можна підтвердити після завершення заняття, з {when}.",
  no_timebank_entry: "Ми не можемо знайти цей запис банку часу.",
  timebank_reversal_final: "Виправлення не можна виправити: запишіть правильні години.",
  timebank_already_reversed: "Цей запис уже виправлено.",
  no_timebank_offer: "Ми не можемо знайти цю пропозицію.",
  timebank_offer_withdrawn: "Цю пропозицію відкликано.",
  timebank_balance_short: "Це коштує {cost} год., а у вас {balance}. Спершу віддайте або здобудьте трохи більше часу.",
  timebank_offer_own_organisation: "Ви можете робити пропозиції лише від імені своєї організації.",
  timebank_people_only: "Лише людина, що увійшла, може витрачати власні години.",
  timebank_balances_forbidden: "Усю програму бачать лише координатори; партнери бачать свою організацію.",
  no_record_link: "Ми не можемо знайти це посилання на досягнення.",
  record_link_unusable: "Це посилання не працює: можливо, власник його вимкнув.",
  record_young_people_only: "«Мої досягнення» призначені для молоді, яка бере участь у програмі.",
  careers_own_school_only: "Лише працівники цієї школи або координатор можуть бачити профорієнтаційні дані її учнів.",
  careers_not_a_school: "Профорієнтаційні дані ведуться лише для шкіл.",
  no_careers_rule: "Ми не можемо знайти це правило профорієнтаційних даних.",
  careers_rule_host_unknown: "Немає організації з таким ідентифікатором.",
};
