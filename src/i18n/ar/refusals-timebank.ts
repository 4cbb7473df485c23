// Arabic: refusals of the timebank (English in en/refusals-timebank.ts). Needs a native speaker's review.
import type { TimebankRefusalWords } from "../en/refusals-timebank";

export const timebankRefusals_ar: TimebankRefusalWords = {
  host_only_contributors: "لا يمكن إلا للمنظمة المستضيفة لهذه الجلسة أو لمنسّق تسجيل من قدّم وقته فيها.",
  no_contributor: "لا يمكننا العثور على هذا الشخص.",
  contributor_session_cancelled: "أُلغيت هذه الجلسة، لذا لا يمكن تسجيل وقت لها.",
  contribution_before_end: "يمكن تأكيد الوقت بعد انتهاء الجلسة، ابتداءً من {when}.",
  no_timebank_entry: "لا يمكننا العثور على هذا القيد في بنك الوقت.",
  timebank_reversal_final: "لا يمكن تصحيح التصحيح نفسه: سجّل الساعات الصحيحة بدلاً من ذلك.",
  timebank_already_reversed: "تم تصحيح هذا القيد من قبل.",
  no_timebank_offer: "لا يمكننا العثور على هذا العرض.",
  timebank_offer_withdrawn: "تم سحب هذا العرض.",
  timebank_balance_short: "يكلّف هذا {cost} ساعات ولديك {balance}. قدّم أو اكسب مزيداً من الوقت أولاً.",
  timebank_offer_own_organisation: "يمكنك تقديم عروض فقط باسم منظمة تعمل لصالحها.",
  timebank_people_only: "لا يمكن إلا لشخص مسجّل الدخول أن ينفق ساعاته.",
  timebank_balances_forbidden: "لا يرى البرنامج كاملاً إلا المنسّقون؛ ويرى الشركاء منظمتهم فقط.",
  no_record_link: "لا يمكننا العثور على رابط السجل هذا.",
  record_link_unusable: "رابط السجل هذا لا يعمل: ربما أوقفه صاحبه.",
  record_young_people_only: "«سجلّي» مخصّص للشباب المشاركين في البرنامج.",
  careers_own_school_only: "لا يمكن إلا لموظفي هذه المدرسة أو لمنسّق رؤية أدلة التوجيه المهني لتلاميذها.",
  careers_not_a_school: "تُحفظ أدلة التوجيه المهني للمدارس فقط.",
  no_careers_rule: "لا يمكننا العثور على قاعدة أدلة التوجيه المهني هذه.",
  careers_rule_host_unknown: "لا توجد منظمة بهذا المعرّف.",
};
