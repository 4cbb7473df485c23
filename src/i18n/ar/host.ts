// Arabic: the host partners' area (English in en/host.ts). Needs a native speaker's review.
import type { HostCatalogue } from "../en/host";

export const host_ar: HostCatalogue = {
  hostAreaTitle: "{name}: الجلسات التي تستضيفونها",
  hostAreaLink: "شريك مستضيف: {name}",
  hostIntro: "الأنشطة التي تستضيفونها، ومن سيحضر وما يحتاجه. افتحوا سجلّ حضور الجلسة لتسجيل القادمين.",
  hostNoEvents: "لا تستضيفون أي نشاط بعد. يضيفها منسّقو Open Door بالتعاون معكم.",
  hostNoSessions: "لا جلسات في الأسبوع الماضي أو في الفترة القادمة.",
  hostRegisterLink: "سجلّ الحضور وتسجيل الوصول",
  hostRegisterTitle: "سجلّ الحضور",
  hostCheckInName: "تسجيل الحضور",
  hostUndo: "تراجع",
  hostInAt: "حضر الساعة {time}",
  hostCodeLink: "تسجيل الحضور برمز التذكرة أو بالكاميرا",
  hostCloseHeading: "إغلاق سجلّ الحضور",
  hostCloseIntro: "عندما يصل كل من سيحضر: يُسجَّل من لم يُسجَّل حضوره كغائب، ويُرسَل نموذج الرأي الآن إلى كل من حضر.",
  hostCloseButton: "أغلق سجلّ الحضور الآن",
  hostClosed: "أُغلق السجلّ: لم يحضر {noShows}، ودُعي {invited} لإبداء الرأي.",
  hostUndone: "أُلغي تسجيل حضور {name}.",
  hostYourAreas: "أقسامك",
  hostSwitchArea: "التبديل إلى قسم آخر",
  hostMyGroups: "{name}: مجموعات مدرستك",
  hostMyGroupsLink: "إدارة مجموعات {name}",
  hostCancelReason: "لماذا أُلغيت الجلسة؟",
  hostCancelReasonHint: "اختياري، 500 حرف على الأكثر. يُذكر السبب في البريد الإلكتروني مع المواعيد الأخرى لهذا النشاط التي ما زالت فيها أماكن.",
  hostCancelReasonErr: "اجعل السبب في حدود 500 حرف أو أقل.",
};
