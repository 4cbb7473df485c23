// Arabic: refusals of guardian consent (English in en/refusals-guardian.ts). Needs a native speaker's review.
import type { GuardianRefusalWords } from "../en/refusals-guardian";

export const guardianRefusals_ar: GuardianRefusalWords = {
  guardian_daily_limit:
    "أرسلنا اليوم بالفعل {perDay} طلبات موافقة إلى البريد الإلكتروني لولي الأمر أو مقدّم الرعاية هذا، وهذا هو الحد الذي نرسله في يوم واحد. حاول مرة أخرى غدًا، أو أعطِ عنوان ولي أمر أو مقدّم رعاية آخر.",
  consent_not_withdrawable: "لم يعد بالإمكان سحب هذه الإجابة: فقد بدأت الجلسة أو أُلغي الحجز بالفعل.",
};
