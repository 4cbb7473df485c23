// English text for the host partners' area (issue #15): the sessions an organisation hosts,
// the register at the door, closing it. Complete; other locales fall back to it string by string.

export type HostCatalogue = Partial<Record<keyof typeof hostEn, string>>;

export const hostEn = {
  hostAreaTitle: "{name}: sessions you host",
  hostAreaLink: "Host partner: {name}",
  hostIntro: "The activities you host, who is coming and what they need. Open a session's register to check people in.",
  hostNoEvents: "You don't host any activities yet. The Open Door coordinators add them with you.",
  hostNoSessions: "No sessions in the last week or coming up.",
  hostRegisterLink: "Register and check-in",
  hostRegisterTitle: "Register",
  hostCheckInName: "Check in",
  hostUndo: "Undo",
  hostInAt: "In at {time}",
  hostCodeLink: "Check in by ticket code or camera",
  hostCloseHeading: "Close the register",
  hostCloseIntro: "When everyone who is coming has arrived: people not checked in are recorded as not coming, and everyone who came is sent the feedback form now.",
  hostCloseButton: "Close the register now",
  hostClosed: "Register closed: {noShows} did not come, {invited} invited to give feedback.",
  hostUndone: "Check-in of {name} undone.",
  hostYourAreas: "Your areas",
  hostSwitchArea: "Switch area",
  hostMyGroups: "{name}: your school's groups",
  hostMyGroupsLink: "Manage {name}'s groups",
  hostCancelReason: "Why is it cancelled?",
  hostCancelReasonHint: "Optional, at most 500 characters. It goes into the email, with the other dates of this activity that still have places.",
  hostCancelReasonErr: "Keep the reason to 500 characters or fewer.",
};
