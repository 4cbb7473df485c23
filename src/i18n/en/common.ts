// Words the emails and the pages share: the labels of a session's facts (what, when, where,
// getting there, what to bring, a group's size) and the site's name. One key each, so a
// translator words them once and an email says what the page says.
export const common = {
  siteName: "Open Door",
  what: "What",
  when: "When",
  where: "Where",
  online: "Online",
  gettingThere: "Getting there",
  whatToBring: "What to bring",
  group: "Group",
  groupSize: "{pupils} pupils and {staff} staff",
};

export type CommonCatalogue = Partial<typeof common>;
