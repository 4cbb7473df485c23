import type { Catalogue } from "../en/emails";

export const uk: Catalogue = {
  moment: "{day}, {time}",
  span: "{start}–{end}",

  joinOnline: "Приєднатися онлайн",
  onlineLinkLater: "Зустріч онлайн. Посилання отримує лише молода людина.",
  access: "Доступність",
  accessUnknown: "Напишіть нам, якщо потрібна допомога, щоб увійти.",
  ticket: "Ваш код квитка",
  manage: "Переглянути або скасувати бронювання",
  view: "Переглянути бронювання",
  contact: "Є питання? Пишіть на {email}.",
  calendarNote: "Відкрийте вкладений файл, щоб додати це до календаря.",
  calendarCancelNote: "Відкрийте вкладений файл, щоб прибрати це з календаря.",

  confirmedSubject: "Ваше місце заброньовано: {title}",
  confirmedHeading: "Ваше місце заброньовано",
  confirmedIntro: "У вас є місце на: {title}.",

  pendingSubject: "Ми тримаємо для вас місце: {title}",
  pendingHeading: "Ми тримаємо для вас місце",
  pendingIntro: "Спершу ваш батько, мати чи опікун має погодитися. Ми надіслали їм лист.",
  pendingHold: "Ми тримаємо місце до: {deadline}.",

  consentSubject: "Чи може {name} піти на: {title}?",
  consentHeading: "Чи може {name} піти?",
  consentRequestIntro: "{name} хоче піти на: {title}. Спершу потрібна згода батьків або опікуна.",
  consentButton: "Відповісти так чи ні",
  consentDeadline: "Будь ласка, дайте відповідь до: {deadline}. Якщо ви не відповісте, місце отримає хтось інший.",
  consentIgnore: "Якщо ви не знаєте {name}, просто ігноруйте цей лист.",

  refusedSubject: "Місце не підтверджено: {title}",
  refusedHeading: "Місце не підтверджено",
  refusedRefused: "Батьки або опікун сказали «ні», тож ми звільнили місце.",
  refusedExpired: "Батьки або опікун не відповіли вчасно, тож ми звільнили місце.",
  refusedNext: "Ви можете знайти інше заняття, яке вам підходить.",

  waitlistedSubject: "Ви в листі очікування: {title}",
  waitlistedHeading: "Ви в листі очікування",
  waitlistedIntro: "Зараз немає місць на: {title}. Ви номер {position} у листі очікування.",
  waitlistedNext: "Якщо звільниться місце, ми одразу напишемо.",

  offerSubject: "Для вас є місце: {title}",
  offerHeading: "Для вас є місце",
  offerIntro: "Звільнилося місце на: {title}. Воно ваше, якщо хочете.",
  offerDeadline: "Погодьтеся до: {deadline}. Потім ми запропонуємо його наступній людині.",
  offerButton: "Взяти місце",

  offerExpiredSubject: "Пропозиція закінчилася: {title}",
  offerExpiredHeading: "Пропозиція закінчилася",
  offerExpiredIntro: "Ви не взяли місце на {title} вчасно, тож ми запропонували його наступній людині.",

  cancelledSubject: "Бронювання скасовано: {title}",
  cancelledHeading: "Бронювання скасовано",
  cancelledIntro: "Ваше місце на {title} скасовано. Більше нічого робити не треба.",

  changedSubject: "Зміни в занятті: {title}",
  changedHeading: "Заняття змінилося",
  changedIntro: "Змінився час або місце: {title}. Ваше місце й далі заброньоване. Ось нові деталі.",

  sessionCancelledSubject: "Скасовано: {title}",
  sessionCancelledHeading: "Це заняття скасовано",
  sessionCancelledIntro: "Вибачте. {title} ({when}) не відбудеться. Нічого робити не треба.",

  groupConfirmedSubject: "Групу заброньовано: {title}",
  groupConfirmedHeading: "Групу заброньовано",
  groupConfirmedIntro: "Група зі школи {school} має місця на: {title}.",
  groupChangedSubject: "Бронювання групи змінено: {title}",
  groupChangedHeading: "Бронювання групи змінено",
  groupChangedIntro: "Ми змінили розмір групи на: {title}.",
  groupCancelledSubject: "Бронювання групи скасовано: {title}",
  groupCancelledHeading: "Бронювання групи скасовано",
  groupCancelledIntro: "Місця для групи зі школи {school} на {title} скасовано.",

  reminderSubject: "Нагадування: {title}, {when}",
  reminderHeading: "До зустрічі",
  reminderIntro: "Нагадуємо про: {title}.",

  mentoringWith: "Менторство з: {mentor}",
  mentoringConfirmedSubject: "Менторство заброньовано: {when}",
  mentoringConfirmedHeading: "Зустріч з ментором заброньовано",
  mentoringYoungPersonIntro: "У вас зустріч з ментором: {mentor}.",
  mentoringMentorIntro: "{name} забронював(ла) зустріч з вами.",
  mentoringSafeguardingIntro: "До відома: {name} забронював(ла) зустріч з ментором {mentor}.",
  mentoringGuardianIntro: "{name} забронював(ла) зустріч з ментором {mentor}. Ми повідомляємо вас, бо цій людині менше 16 років.",
  mentoringCancelledSubject: "Менторство скасовано: {when}",
  mentoringCancelledHeading: "Зустріч з ментором скасовано",
  mentoringCancelledIntro: "Зустріч між {name} і {mentor} скасовано.",

  feedbackSubject: "Як пройшло: {title}?",
  feedbackInvitationHeading: "Розкажіть, як усе пройшло",
  feedbackIntro: "Дякуємо, що прийшли на: {title}. Що сподобалося? Що можна покращити? Це займе 2 хвилини.",
  feedbackInvitationAnonymous: "Можна відповісти без імені.",
  feedbackButton: "Залишити відгук",

  magicLinkSubject: "Ваше посилання для входу в Open Door",
  magicLinkHeading: "Увійти в Open Door",
  magicLinkIntro: "Натисніть кнопку, щоб увійти.",
  magicLinkButton: "Увійти",
  magicLinkExpiry: "Посилання працює один раз і діє 15 хвилин.",
  magicLinkIgnore: "Якщо ви цього не просили, просто ігноруйте цей лист.",
};
