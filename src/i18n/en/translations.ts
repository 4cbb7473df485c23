// Staff entering text in five languages (issue #14 item 7, #15 item 3): the event, venue and
// mentor forms' translation boxes. Keys start with "tr".
export const translationsEn = {
  trOptional: "(optional)",
  trSummary: "In Polish, Romanian, Ukrainian and Arabic (optional)",
  trHint: "Leave a box empty and people reading in this language see the English text, marked as English for screen readers.",
  trTitle: "Title",
  trDescription: "Description",
  trWhatToBring: "What to bring",
  trWhatToBringEn: "What to bring (in English, optional)",
  trErrWhatToBring: "Write what to bring in English too, or leave every language empty",
  trErrTooLong: "This text is too long: shorten it",
  trTransportEn: "Getting there by bus, train or on foot (in English)",
  trDirections: "Finding the way in (which door, which floor, who to ask)",
  trDirectionsEn: "Finding the way in (in English, optional)",
  trFindingWayIn: "Finding the way in",
  trBioEn: "About the mentor (in English, optional)",
  trBio: "About the mentor",
  trErrEnglishToo: "Write this in English too, or leave every language empty",
};
