// Polish: refusals of guardian consent (English in en/refusals-guardian.ts). Needs a native speaker's review.
import type { GuardianRefusalWords } from "../en/refusals-guardian";

export const guardianRefusals_pl: GuardianRefusalWords = {
  guardian_daily_limit:
    "Na ten adres e-mail rodzica lub opiekuna wysłaliśmy dziś już {perDay} prośby o zgodę, czyli tyle, ile wysyłamy w ciągu dnia. Spróbuj jutro albo podaj adres innego rodzica lub opiekuna.",
  consent_not_withdrawable: "Tej odpowiedzi nie można już wycofać: zajęcia już się zaczęły albo rezerwacja została już anulowana.",
};
