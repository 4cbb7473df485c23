import type { translationsEn } from "../en/translations";

export const translationsAr: Partial<Record<keyof typeof translationsEn, string>> = {
  trOptional: "(اختياري)",
  trSummary: "بالبولندية والرومانية والأوكرانية والعربية (اختياري)",
  trHint: "إذا تركت خانة فارغة، يرى من يقرأ بهذه اللغة النص الإنجليزي، مع وسمه بأنه إنجليزي لقارئات الشاشة.",
  trTitle: "العنوان",
  trDescription: "الوصف",
  trWhatToBring: "ما يجب إحضاره",
  trWhatToBringEn: "ما يجب إحضاره (بالإنجليزية، اختياري)",
  trErrWhatToBring: "اكتب ما يجب إحضاره بالإنجليزية أيضًا، أو اترك كل اللغات فارغة",
  trErrTooLong: "هذا النص طويل جدًا: اختصره",
  trTransportEn: "الوصول بالحافلة أو القطار أو سيرًا على الأقدام (بالإنجليزية)",
  trDirections: "كيف تدخل (أي باب، أي طابق، من تسأل)",
  trDirectionsEn: "كيف تدخل (بالإنجليزية، اختياري)",
  trFindingWayIn: "كيف تدخل",
  trBioEn: "عن المرشد (بالإنجليزية، اختياري)",
  trBio: "عن المرشد",
  trErrEnglishToo: "اكتب هذا بالإنجليزية أيضًا، أو اترك كل اللغات فارغة",
};
