// Arabic: refusals of joining and your details (English in en/refusals-join.ts). Needs a native speaker's review.
import type { JoinRefusalWords } from "../en/refusals-join";

export const joinRefusals_ar: JoinRefusalWords = {
  join_parent_email_needed: "لأن عمرك أقل من {age} عامًا، يجب أن يؤكد أحد والديك أو من يرعاك حسابك. اكتب عنوان بريده الإلكتروني.",
  join_parent_link_unusable: "رابط التأكيد هذا استُخدم من قبل أو أنه غير صحيح. إذا كان الحساب مؤكدًا بالفعل فلا حاجة لفعل أي شيء آخر.",
  profile_email_link_unusable: "رابط تغيير البريد الإلكتروني هذا استُخدم من قبل أو انتهت صلاحيته. اطلب رابطًا جديدًا من صفحة بياناتك.",
  profile_email_taken: "عنوان البريد الإلكتروني هذا يخص حسابًا آخر في Open Door، لذلك لم نتمكن من نقل حسابك إليه.",
  profile_dob_young_people_only: "تاريخ الميلاد موجود فقط في حسابات الشباب.",
  no_such_age_flag: "لا نستطيع العثور على هذا الحجز المُعلَّم.",
};
