// Arabic: the directory's refusals (English in en/refusals-directory.ts). Needs a native speaker's review.
import type { DirectoryRefusalWords } from "../en/refusals-directory";

export const directoryRefusals_ar: DirectoryRefusalWords = {
  dir_no_service: "لا توجد خدمة بهذا المعرّف.",
  dir_no_change: "لا يوجد تغيير مقترح بهذا المعرّف.",
  dir_own_services_only: "يمكنك فقط إضافة الخدمات التي تديرها منظمتك.",
  dir_own_services_change_only: "يمكنك فقط تغيير الخدمات التي تديرها منظمتك.",
  dir_move_coordinators_only: "المنسق وحده يمكنه نقل خدمة إلى منظمة أخرى.",
  dir_nothing_to_change: "أرسل حقلًا واحدًا على الأقل لتغييره.",
  dir_service_busy: "شخص آخر يغيّر هذه الخدمة الآن. يُرجى المحاولة مرة أخرى.",
  dir_decide_coordinators_only: "منسقو البرنامج وحدهم يمكنهم الموافقة على تغييرات الدليل أو رفضها.",
  dir_change_already_approved: "تمت الموافقة على هذا التغيير من قبل.",
  dir_change_already_rejected: "تم رفض هذا التغيير من قبل.",
  dir_change_service_gone: "الخدمة التي يخصها هذا التغيير لم تعد موجودة.",
  dir_details_dont_fit: "بعض التفاصيل تشير إلى شيء غير موجود أو لا تتوافق مع بعضها.",
  dir_category_exists: "توجد فئة بهذا المعرّف بالفعل.",
  dir_stay_your_organisation: "يجب أن تبقى منظمتك",
  dir_no_such_category: "لا توجد فئة كهذه",
  dir_already_used: "مستخدم بالفعل",
};
