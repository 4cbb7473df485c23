// Ukrainian: refusals of joining and your details (English in en/refusals-join.ts). Needs a native speaker's review.
import type { JoinRefusalWords } from "../en/refusals-join";

export const joinRefusals_uk: JoinRefusalWords = {
  join_parent_email_needed: "Оскільки тобі менше {age} років, твій обліковий запис має підтвердити один із батьків або опікун. Вкажи його адресу електронної пошти.",
  join_parent_link_unusable: "Це посилання для підтвердження вже використано або воно неправильне. Якщо обліковий запис уже підтверджено, більше нічого робити не потрібно.",
  profile_email_link_unusable: "Це посилання для зміни адреси електронної пошти вже використано або строк його дії минув. Попроси нове на сторінці зі своїми даними.",
  profile_email_taken: "Ця адреса електронної пошти вже належить іншому обліковому запису Open Door, тому ми не змогли перенести на неї твій.",
  profile_dob_young_people_only: "Дата народження є лише в облікових записах молодих людей.",
  no_such_age_flag: "Ми не можемо знайти це позначене бронювання.",
};
