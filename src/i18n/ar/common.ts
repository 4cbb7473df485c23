import type { CommonCatalogue } from "../en/common";

export const common: CommonCatalogue = {
  siteName: "Open Door",
  what: "ماذا",
  when: "متى",
  where: "أين",
  online: "عبر الإنترنت",
  gettingThere: "كيف تصل",
  whatToBring: "ماذا تحضر معك",
  group: "المجموعة",
  groupSize: "التلاميذ: {pupils}، المرافقون: {staff}",
};
