// Polish: refusals of joining and your details (English in en/refusals-join.ts). Needs a native speaker's review.
import type { JoinRefusalWords } from "../en/refusals-join";

export const joinRefusals_pl: JoinRefusalWords = {
  join_parent_email_needed: "Ponieważ masz mniej niż {age} lat, rodzic lub opiekun musi potwierdzić Twoje konto. Podaj jego adres e-mail.",
  join_parent_link_unusable: "Ten link potwierdzający został już użyty lub jest nieprawidłowy. Jeśli konto jest już potwierdzone, nic więcej nie trzeba robić.",
  profile_email_link_unusable: "Ten link do zmiany adresu e-mail został już użyty lub wygasł. Poproś o nowy na stronie ze swoimi danymi.",
  profile_email_taken: "Ten adres e-mail należy już do innego konta Open Door, więc nie mogliśmy przenieść na niego Twojego konta.",
  profile_dob_young_people_only: "Datę urodzenia mają tylko konta młodych osób.",
  no_such_age_flag: "Nie możemy znaleźć tej oznaczonej rezerwacji.",
};
