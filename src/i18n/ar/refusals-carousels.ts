// Arabic: refusals of carousels (English in en/refusals-carousels.ts). Needs a native speaker's review.
import type { CarouselRefusalWords } from "../en/refusals-carousels";

export const carouselRefusals_ar: CarouselRefusalWords = {
  no_such_carousel: "لا نجد هذه الدوّارة.",
  carousel_cancelled: "أُلغيت هذه الدوّارة.",
  carousel_bookings_closed: "أُغلق الحجز لهذه الدوّارة.",
  carousel_full: "عذرًا، هذه الدوّارة ممتلئة.",
  carousel_places_short: "بقي {seatsLeft} أماكن فقط وتحتاج مجموعتك إلى {wanted}. جرّب مجموعة أصغر.",
  carousel_ratio_short: "تحتاج مجموعة من {pupils} تلاميذ إلى {needed} مرافقين على الأقل (بالغ واحد لكل {pupilsPerStaff} تلاميذ). كتبت {staff}.",
  no_such_carousel_group: "لا نجد حجز المجموعة هذا.",
  no_such_carousel_station: "لا نجد هذه المحطة.",
  carousel_group_not_live: "حجز المجموعة هذا مُلغى أو سُجّل حضوره بالفعل.",
  carousel_group_cancelled: "أُلغي حجز المجموعة هذا.",
  carousel_started_no_cancel: "بدأت الدوّارة، لذلك لا يمكن إلغاء الحجز الآن.",
  carousel_start_in_future: "يجب أن تبدأ الدوّارة في المستقبل.",
  carousel_close_before_start: "يجب أن يُغلق الحجز قبل بدء الدوّارة.",
  carousel_venue_unknown: "لا يوجد مكان بهذا المعرّف.",
  carousel_station_host: "يدير المحطة صاحب عمل أو منظمة شريكة.",
  carousel_check_in_too_many: "حُجزت المجموعة لـ {pupils} تلاميذ و{staff} مرافقين، ولا يمكن تسجيل حضور أكثر من ذلك.",
  carousel_no_plan_yet: "لا توجد خطة لهذه الدوّارة بعد: تُعدّ عند إغلاق الحجز.",
  carousel_no_group_of_yours: "ليس لديك مجموعة في هذه الدوّارة.",
  carousel_plan_first: "أعدّ الخطة أولًا: الجداول تأتي منها.",
  school_cant_host: "لا يمكن لمدرسة أن تدير محطة",
  more_than_booked: "أكثر من المحجوز",
  must_be_before_start: "يجب أن يكون قبل startsAt",
};
