// Romanian: refusals of guardian consent (English in en/refusals-guardian.ts). Needs a native speaker's review.
import type { GuardianRefusalWords } from "../en/refusals-guardian";

export const guardianRefusals_ro: GuardianRefusalWords = {
  guardian_daily_limit:
    "Am trimis deja astăzi {perDay} cereri de acord la adresa de e-mail a acestui părinte sau îngrijitor, cât trimitem într-o zi. Încearcă din nou mâine sau dă adresa altui părinte sau îngrijitor.",
  consent_not_withdrawable: "Acest răspuns nu mai poate fi retras: sesiunea a început deja sau rezervarea a fost deja anulată.",
};
