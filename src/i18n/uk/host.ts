// Ukrainian: the host partners' area (English in en/host.ts). Needs a native speaker's review.
import type { HostCatalogue } from "../en/host";

export const host_uk: HostCatalogue = {
  hostAreaTitle: "{name}: заняття, які ви проводите",
  hostAreaLink: "Партнер-організатор: {name}",
  hostIntro: "Заняття, які ви проводите, хто прийде і що їм потрібно. Відкрийте реєстр заняття, щоб відмічати присутніх.",
  hostNoEvents: "Ви ще не проводите жодних занять. Координатори Open Door додають їх разом із вами.",
  hostNoSessions: "Немає занять за останній тиждень або найближчим часом.",
  hostRegisterLink: "Реєстр і відмітка присутності",
  hostRegisterTitle: "Реєстр",
  hostCheckInName: "Відмітити",
  hostUndo: "Скасувати",
  hostInAt: "Прийшов(-ла) о {time}",
  hostCodeLink: "Відмітити за кодом квитка або камерою",
  hostCloseHeading: "Закрити реєстр",
  hostCloseIntro: "Коли всі, хто мав прийти, уже тут: невідмічених буде записано як відсутніх, а всім присутнім зараз надійде форма відгуку.",
  hostCloseButton: "Закрити реєстр зараз",
  hostClosed: "Реєстр закрито: не прийшли {noShows}, запрошено залишити відгук {invited}.",
  hostUndone: "Відмітку {name} скасовано.",
  hostYourAreas: "Ваші розділи",
  hostSwitchArea: "Змінити розділ",
  hostMyGroups: "{name}: групи вашої школи",
  hostMyGroupsLink: "Керувати групами: {name}",
  hostCancelReason: "Чому заняття скасовано?",
  hostCancelReasonHint: "Необов’язково, не більше 500 символів. Причину буде додано до листа разом з іншими датами цього заняття, на які ще є місця.",
  hostCancelReasonErr: "Причина має бути не довшою за 500 символів.",
};
