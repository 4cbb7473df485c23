// The site feedback refusals in this language (English in en/refusals-site-feedback.ts). Needs a native speaker's review.
import type { SiteFeedbackRefusalWords } from "../en/refusals-site-feedback";

export const siteFeedbackRefusals_ar: SiteFeedbackRefusalWords = {
  sf_nothing_said: "اكتب ما ينجح أو ما يمكن تحسينه (أو كليهما).",
  sf_no_feedback: "لا توجد ملاحظات بهذا المعرّف.",
  sf_no_reply_address: "أُرسلت هذه الملاحظات من دون عنوان بريد إلكتروني، فلا يوجد من نرد عليه.",
};
