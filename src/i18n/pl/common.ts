import type { CommonCatalogue } from "../en/common";

export const common: CommonCatalogue = {
  siteName: "Open Door",
  what: "Co",
  when: "Kiedy",
  where: "Gdzie",
  online: "Online",
  gettingThere: "Jak dojechać",
  whatToBring: "Co zabrać",
  group: "Grupa",
  groupSize: "Uczniowie: {pupils}, opiekunowie: {staff}",
};
