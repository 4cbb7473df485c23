// Arabic: machine-assisted, needs a native speaker's review.
import type { joinEn } from "../en/join";

export const joinAr: Partial<typeof joinEn> = {
  errBadRequestTitle: "لم نتمكن من قراءة ذلك",
  errNotAllowedTitle: "لا يمكن القيام بذلك هنا",
  errTooLargeTitle: "ما أرسلته كبير جدًا",
  errTooManyTitle: "يرجى الانتظار قليلًا",
  errTooManyBody: "لقد حاولت مرات كثيرة في وقت قصير. يرجى الانتظار {seconds} ثانية ثم المحاولة مرة أخرى.",
  errFaultTitle: "حدث خطأ ما",
  errProblemTitle: "لم نتمكن من القيام بذلك",
  errGoHome: "الذهاب إلى الصفحة الرئيسية",
  errGoBack: "العودة إلى النموذج",
};
