// Ukrainian: refusals of guardian consent (English in en/refusals-guardian.ts). Needs a native speaker's review.
import type { GuardianRefusalWords } from "../en/refusals-guardian";

export const guardianRefusals_uk: GuardianRefusalWords = {
  guardian_daily_limit:
    "На цю адресу одного з батьків або опікуна сьогодні вже надіслано {perDay} запити на згоду — стільки ми надсилаємо за день. Спробуйте завтра або вкажіть адресу іншого з батьків чи опікуна.",
  consent_not_withdrawable: "Цю відповідь уже не можна відкликати: заняття вже почалося або бронювання вже скасовано.",
};
