import type { Catalogue } from "../en/emails";

export const ar: Catalogue = {
  moment: "{day}، {time}",
  span: "{start} إلى {end}",

  joinOnline: "انضم عبر الإنترنت",
  onlineLinkLater: "هذه الجلسة عبر الإنترنت. يصل الرابط إلى الشاب أو الشابة فقط.",
  access: "سهولة الوصول",
  accessUnknown: "راسلنا إذا كنت تحتاج مساعدة في الدخول.",
  ticket: "رمز تذكرتك",
  manage: "اعرض حجزك أو ألغِه",
  view: "اعرض حجزك",
  contact: "عندك سؤال؟ راسلنا على {email}.",
  calendarNote: "افتح الملف المرفق لإضافة هذا إلى تقويمك.",
  calendarCancelNote: "افتح الملف المرفق لحذف هذا من تقويمك.",

  confirmedSubject: "تم حجز مكانك: {title}",
  confirmedHeading: "تم حجز مكانك",
  confirmedIntro: "لديك مكان في {title}.",

  pendingSubject: "نحجز لك مكانًا: {title}",
  pendingHeading: "نحجز لك مكانًا",
  pendingIntro: "يجب أن يوافق والدك أو من يرعاك أولًا. أرسلنا لهم رسالة.",
  pendingHold: "نحجز مكانك حتى {deadline}.",

  consentSubject: "هل يمكن أن يحضر {name} {title}؟",
  consentHeading: "هل يمكن أن يحضر {name}؟",
  consentRequestIntro: "يريد {name} حضور {title}. نحتاج موافقة أحد الوالدين أو من يرعاه أولًا.",
  consentButton: "أجب بنعم أو لا",
  consentDeadline: "يرجى الرد قبل {deadline}. إذا لم نسمع منك، يذهب المكان لشخص آخر.",
  consentIgnore: "إذا كنت لا تعرف {name}، تجاهل هذه الرسالة.",

  refusedSubject: "لم يتم تأكيد مكانك: {title}",
  refusedHeading: "لم يتم تأكيد مكانك",
  refusedRefused: "رفض والدك أو من يرعاك، لذلك أعدنا المكان.",
  refusedExpired: "لم يصلنا رد من والدك أو من يرعاك في الوقت المحدد، لذلك أعدنا المكان.",
  refusedNext: "يمكنك البحث عن جلسة أخرى تناسبك.",

  waitlistedSubject: "أنت على قائمة الانتظار: {title}",
  waitlistedHeading: "أنت على قائمة الانتظار",
  waitlistedIntro: "{title} ممتلئ الآن. رقمك {position} على قائمة الانتظار.",
  waitlistedNext: "إذا توفر مكان، سنراسلك فورًا.",

  offerSubject: "يوجد مكان لك: {title}",
  offerHeading: "يوجد مكان لك",
  offerIntro: "توفر مكان في {title}. إنه لك إذا أردته.",
  offerDeadline: "يرجى القبول قبل {deadline}. بعد ذلك نعرضه على الشخص التالي.",
  offerButton: "خذ المكان",

  offerExpiredSubject: "انتهى العرض: {title}",
  offerExpiredHeading: "انتهى العرض",
  offerExpiredIntro: "لم تقبل المكان في {title} في الوقت المحدد، لذلك عرضناه على الشخص التالي.",

  cancelledSubject: "تم إلغاء حجزك: {title}",
  cancelledHeading: "تم إلغاء حجزك",
  cancelledIntro: "تم إلغاء مكانك في {title}. لا تحتاج إلى فعل أي شيء آخر.",

  changedSubject: "تغيّرت جلستك: {title}",
  changedHeading: "تغيّرت جلستك",
  changedIntro: "تغيّر وقت أو مكان {title}. مكانك ما زال محجوزًا. هذه هي التفاصيل الجديدة.",

  sessionCancelledSubject: "أُلغي: {title}",
  sessionCancelledHeading: "أُلغيت هذه الجلسة",
  sessionCancelledIntro: "نعتذر. لن يقام {title} يوم {when}. لا تحتاج إلى فعل أي شيء.",

  groupConfirmedSubject: "تم حجز مجموعتك: {title}",
  groupConfirmedHeading: "تم حجز مجموعتك",
  groupConfirmedIntro: "لمجموعتك من {school} أماكن في {title}.",
  groupChangedSubject: "تغيّر حجز مجموعتك: {title}",
  groupChangedHeading: "تغيّر حجز مجموعتك",
  groupChangedIntro: "غيّرنا حجم مجموعتك في {title}.",
  groupCancelledSubject: "تم إلغاء حجز مجموعتك: {title}",
  groupCancelledHeading: "تم إلغاء حجز مجموعتك",
  groupCancelledIntro: "أُلغيت أماكن مجموعتك من {school} في {title}.",

  reminderSubject: "تذكير: {title}، {when}",
  reminderHeading: "نراك قريبًا",
  reminderIntro: "هذا تذكير بـ {title}.",

  mentoringWith: "جلسة إرشاد مع {mentor}",
  mentoringConfirmedSubject: "تم حجز جلسة الإرشاد: {when}",
  mentoringConfirmedHeading: "تم حجز جلسة الإرشاد",
  mentoringYoungPersonIntro: "لديك جلسة إرشاد مع {mentor}.",
  mentoringMentorIntro: "حجز {name} جلسة إرشاد معك.",
  mentoringSafeguardingIntro: "للعلم: حجز {name} جلسة إرشاد مع {mentor}.",
  mentoringGuardianIntro: "حجز {name} جلسة إرشاد مع {mentor}. نخبرك لأن عمره أقل من 16 سنة.",
  mentoringCancelledSubject: "أُلغيت جلسة الإرشاد: {when}",
  mentoringCancelledHeading: "أُلغيت جلسة الإرشاد",
  mentoringCancelledIntro: "أُلغيت جلسة الإرشاد بين {name} و{mentor}.",

  feedbackSubject: "كيف كان {title}؟",
  feedbackInvitationHeading: "أخبرنا كيف كان",
  feedbackIntro: "شكرًا لحضورك {title}. ما الذي نجح؟ ما الذي يمكن تحسينه؟ يستغرق ذلك دقيقتين.",
  feedbackInvitationAnonymous: "يمكنك الإجابة بدون ذكر اسمك.",
  feedbackButton: "شاركنا رأيك",

  magicLinkSubject: "رابط تسجيل الدخول إلى Open Door",
  magicLinkHeading: "سجّل الدخول إلى Open Door",
  magicLinkIntro: "اضغط على الزر لتسجيل الدخول.",
  magicLinkButton: "تسجيل الدخول",
  magicLinkExpiry: "يعمل الرابط مرة واحدة وينتهي بعد 15 دقيقة.",
  magicLinkIgnore: "إذا لم تطلب هذا، تجاهل هذه الرسالة.",
};
