// Refusals of the coordinators' administration (English in en/refusals-admin.ts). Needs a native speaker's review.
import type { AdminRefusalWords } from "../en/refusals-admin";

export const adminRefusals_ar: AdminRefusalWords = {
  email_belongs_to_another: "شخص آخر يسجّل الدخول بالفعل باستخدام {email}. تحقق من العنوان أو اسأل ذلك الشخص.",
};
