import type { CommonCatalogue } from "../en/common";

export const common: CommonCatalogue = {
  siteName: "Open Door",
  what: "Ce",
  when: "Când",
  where: "Unde",
  online: "Online",
  gettingThere: "Cum ajungi",
  whatToBring: "Ce să aduci",
  group: "Grup",
  groupSize: "Elevi: {pupils}, însoțitori: {staff}",
};
