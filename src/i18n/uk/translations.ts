import type { translationsEn } from "../en/translations";

export const translationsUk: Partial<Record<keyof typeof translationsEn, string>> = {
  trOptional: "(необов’язково)",
  trSummary: "Польською, румунською, українською та арабською (необов’язково)",
  trHint: "Якщо поле порожнє, люди, які читають цією мовою, побачать англійський текст, позначений як англійський для програм читання з екрана.",
  trTitle: "Назва",
  trDescription: "Опис",
  trWhatToBring: "Що взяти з собою",
  trWhatToBringEn: "Що взяти з собою (англійською, необов’язково)",
  trErrWhatToBring: "Напишіть, що взяти, також англійською або залиште порожнім усіма мовами",
  trErrTooLong: "Текст задовгий: скоротіть його",
  trTransportEn: "Як дістатися автобусом, потягом або пішки (англійською)",
  trDirections: "Як увійти (які двері, який поверх, кого запитати)",
  trDirectionsEn: "Як увійти (англійською, необов’язково)",
  trFindingWayIn: "Як увійти",
  trBioEn: "Про наставника (англійською, необов’язково)",
  trBio: "Про наставника",
  trErrEnglishToo: "Напишіть це також англійською або залиште порожнім усіма мовами",
};
