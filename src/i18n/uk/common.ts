import type { CommonCatalogue } from "../en/common";

export const common: CommonCatalogue = {
  siteName: "Open Door",
  what: "Що",
  when: "Коли",
  where: "Де",
  online: "Онлайн",
  gettingThere: "Як дістатися",
  whatToBring: "Що взяти з собою",
  group: "Група",
  groupSize: "Учнів: {pupils}, супровідників: {staff}",
};
