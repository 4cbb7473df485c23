// Ukrainian: machine-assisted, needs a native speaker's review.
import type { joinEn } from "../en/join";

export const joinUk: Partial<typeof joinEn> = {
  errBadRequestTitle: "Не вдалося це прочитати",
  errNotAllowedTitle: "Цього тут зробити не можна",
  errTooLargeTitle: "Надіслано забагато даних",
  errTooManyTitle: "Зачекайте трохи",
  errTooManyBody: "За короткий час було забагато спроб. Зачекайте {seconds} с і спробуйте знову.",
  errFaultTitle: "Щось пішло не так",
  errProblemTitle: "Не вдалося це зробити",
  errGoHome: "На головну сторінку",
  errGoBack: "Назад до форми",
};
