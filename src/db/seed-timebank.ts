// Demo data for the timebank (issue #17): a term that has already happened, so `npm start` shows
// balances, a young person's record, contributors and careers evidence for both schools.
// Jordan is the young person with a record; the schools' groups name their pupils in rosters.
// Everything here is in the past and already followed up (reminders, feedback invitations), so
// the minute jobs send nobody an email about it.
import type { Db } from "./client";
import { insertsInChunks } from "./insert-chunks";
import { bookings, careersRules, contributors, mentoringSlots, people, sessions, timebankEntries, timebankOffers } from "./schema";
import { DAY, londonToUtc, londonWallTime } from "../lib/time";

function at(now: number, days: number, hour: number, minute = 0): number {
  const d = londonWallTime(now + days * DAY);
  return londonToUtc({ year: d.year, month: d.month, day: d.day, hour, minute, second: 0 });
}

export const DEMO_RECORD_PERSON = "per_demo_jordan";

export function timebankDemoInserts(db: Db, now: number) {
  const past = (id: string, eventId: string, days: number, hour: number, minutes: number, venueId: string, capacity: number) => {
    const startsAt = at(now, days, hour);
    return { id, eventId, startsAt, endsAt: startsAt + minutes * 60_000, venueId, capacity, createdAt: now - 90 * DAY, updatedAt: now - 90 * DAY };
  };
  const sessionRows = [
    past("ses_past_trades", "evt_trades", -63, 10, 180, "ven_northbuild", 20),
    past("ses_past_nhs", "evt_nhs", -49, 9, 360, "ven_library", 25),
    past("ses_past_cv", "evt_cv", -35, 16, 90, "ven_library", 12),
    past("ses_past_interview", "evt_interview", -21, 16, 120, "ven_library", 12),
    past("ses_past_stories", "evt_stories", -14, 15, 60, "ven_oakhouse", 8),
    past("ses_past_garden", "evt_garden", -7, 14, 90, "ven_oakhouse", 12),
  ];
  const byId = Object.fromEntries(sessionRows.map((s) => [s.id, s]));
  const attended = (id: string, sessionId: string, personId: string, ticketCode: string, group?: { school: string; pupils: number; staff: number; roster: string[] }) => {
    const s = byId[sessionId]!;
    return {
      id,
      kind: group ? ("group" as const) : ("individual" as const),
      sessionId,
      personId,
      organisationId: group?.school ?? null,
      pupils: group?.pupils ?? 0,
      staff: group?.staff ?? 0,
      seats: group ? group.pupils + group.staff : 1,
      status: "attended" as const,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      roster: group?.roster ?? null,
      ticketCode,
      checkedInAt: s.startsAt + 5 * 60_000,
      checkedInCount: group ? group.pupils + group.staff : 1,
      reminderSentAt: s.startsAt - DAY,
      feedbackInvitedAt: s.endsAt + 60 * 60_000,
      createdAt: s.startsAt - 14 * DAY,
      updatedAt: s.startsAt,
    };
  };
  const riverside = ["Amara K", "Ben T", "Chloe W", "Dev P", "Ella M", "Finn R"];
  const hillview = ["Grace O", "Harry L", "Imani B", "Jay S", "Kasia N"];
  const bookingRows = [
    attended("bkg_past_jordan_trades", "ses_past_trades", DEMO_RECORD_PERSON, "JORDN-TRADE"),
    attended("bkg_past_jordan_nhs", "ses_past_nhs", DEMO_RECORD_PERSON, "JORDN-NHSDY"),
    attended("bkg_past_jordan_cv", "ses_past_cv", DEMO_RECORD_PERSON, "JORDN-CVWRK"),
    attended("bkg_past_jordan_interview", "ses_past_interview", DEMO_RECORD_PERSON, "JORDN-INTVW"),
    attended("bkg_past_jordan_stories", "ses_past_stories", DEMO_RECORD_PERSON, "JORDN-STORY"),
    attended("bkg_past_riverside_trades", "ses_past_trades", "per_riverside_staff", "RIVER-TRADE", { school: "org_riverside", pupils: 6, staff: 1, roster: riverside }),
    attended("bkg_past_riverside_nhs", "ses_past_nhs", "per_riverside_staff", "RIVER-NHSDY", { school: "org_riverside", pupils: 4, staff: 1, roster: riverside.slice(0, 4) }),
    attended("bkg_past_hillview_trades", "ses_past_trades", "per_hillview_staff", "HILLV-TRADE", { school: "org_hillview", pupils: 5, staff: 1, roster: hillview }),
    attended("bkg_past_hillview_interview", "ses_past_interview", "per_hillview_staff", "HILLV-INTVW", { school: "org_hillview", pupils: 5, staff: 1, roster: hillview }),
  ];
  // Seats used stay counted (rule 1's ledger): each session's counter is its bookings' seats.
  for (const s of sessionRows) (s as typeof s & { seatsTaken: number }).seatsTaken = bookingRows.filter((b) => b.sessionId === s.id).reduce((n, b) => n + b.seats, 0);

  const mentoringStart = at(now, -10, 17);
  const slot = { id: "slt_dee_past", mentorId: "mtr_dee", startsAt: mentoringStart, endsAt: mentoringStart + 45 * 60_000, mode: "online" as const, meetingUrl: "https://meet.example/mentoring-dee-past", status: "booked" as const, createdAt: now - 30 * DAY };
  const mentoringBooking = {
    id: "bkg_past_jordan_mentoring",
    kind: "mentoring" as const,
    slotId: slot.id,
    personId: DEMO_RECORD_PERSON,
    status: "confirmed" as const,
    startsAt: slot.startsAt,
    endsAt: slot.endsAt,
    ticketCode: "JORDN-MENTR",
    reminderSentAt: slot.startsAt - 2 * 60 * 60_000,
    feedbackInvitedAt: slot.endsAt + 60 * 60_000,
    createdAt: now - 20 * DAY,
    updatedAt: now - 20 * DAY,
  };

  const contributorRows = [
    { id: "ctb_demo_dee", sessionId: "ses_past_trades", name: "Dee", role: "mentor" as const, organisationId: "org_northbuild", organisationName: "Northbuild Construction", personId: null, minutes: 240 },
    { id: "ctb_demo_tom", sessionId: "ses_past_interview", name: "Tom", role: "employer_volunteer" as const, organisationId: "org_brightbank", organisationName: "Brightbank Building Society", personId: null, minutes: null },
    { id: "ctb_demo_maureen", sessionId: "ses_past_stories", name: "Maureen", role: "resident" as const, organisationId: "org_oakhouse", organisationName: "Oak House Care Home", personId: null, minutes: null },
    { id: "ctb_demo_jordan", sessionId: "ses_past_garden", name: "Jordan", role: "young_helper" as const, organisationId: null, organisationName: "", personId: DEMO_RECORD_PERSON, minutes: null },
  ].map((c) => ({ ...c, confirmedAt: byId[c.sessionId]!.endsAt + 30 * 60_000, recordedBy: "per_coordinator", createdAt: byId[c.sessionId]!.startsAt - DAY }));

  const HOST: Record<string, string> = {
    ses_past_trades: "org_northbuild",
    ses_past_nhs: "org_cityhealth",
    ses_past_cv: "org_coordinator",
    ses_past_interview: "org_brightbank",
    ses_past_stories: "org_oakhouse",
    ses_past_garden: "org_oakhouse",
  };
  const minutesOf = (sessionId: string) => Math.round((byId[sessionId]!.endsAt - byId[sessionId]!.startsAt) / 60_000);
  const credits = [
    ...bookingRows
      .filter((b) => b.kind === "individual")
      .map((b) => {
        const holder = `person:${b.personId}`;
        const subject = `${b.sessionId}|${holder}`;
        return { id: `tbe_demo_${b.id.slice(9)}`, kind: "attendance" as const, minutes: minutesOf(b.sessionId!), holderKey: holder, personId: b.personId, sessionId: b.sessionId, bookingId: b.id, organisationId: HOST[b.sessionId!]!, subjectKey: subject, creditKey: `${subject}#0`, at: b.checkedInAt };
      }),
    ...contributorRows.map((c) => {
      const holder = c.personId ? `person:${c.personId}` : `contributor:${c.id}`;
      const subject = `${c.sessionId}|${holder}`;
      return { id: `tbe_demo_${c.id.slice(4)}`, kind: "contribution" as const, minutes: c.minutes ?? minutesOf(c.sessionId), holderKey: holder, personId: c.personId, contributorId: c.id, sessionId: c.sessionId, organisationId: HOST[c.sessionId]!, subjectKey: subject, creditKey: `${subject}#0`, at: c.confirmedAt };
    }),
  ];
  const offers = [
    { id: "tbo_demo_cinema", organisationId: "org_library", title: "Two tickets for the community cinema night", description: "Any film night this term, for you and a friend.", costMinutes: 120 },
    { id: "tbo_demo_barista", organisationId: "org_brightbank", title: "A place on the Saturday barista course", description: "Three hours, with a certificate to add to your CV.", costMinutes: 180 },
    { id: "tbo_demo_mentor", organisationId: "org_northbuild", title: "An hour with a Northbuild site manager", description: "Ask anything about apprenticeships in construction.", costMinutes: 60 },
  ].map((o, i) => ({ ...o, createdAt: now - 60 * DAY + i }));
  const redemption = { id: "tbe_demo_jordan_cinema", kind: "redemption" as const, minutes: -120, holderKey: `person:${DEMO_RECORD_PERSON}`, personId: DEMO_RECORD_PERSON, offerId: "tbo_demo_cinema", organisationId: "org_library", createdBy: DEMO_RECORD_PERSON, at: now - 5 * DAY };
  // What counts as careers evidence until a coordinator changes it: tasters are experiences of
  // workplaces (Gatsby 6); interview practice with employers, and anything Brightbank runs,
  // are encounters with employers and employees (Gatsby 5).
  const rules = [
    { id: "crr_demo_tasters", benchmark: "gatsby6" as const, eventType: "career_taster" as const, hostOrganisationId: null },
    { id: "crr_demo_interviews", benchmark: "gatsby5" as const, eventType: "interview_skills" as const, hostOrganisationId: null },
    { id: "crr_demo_brightbank", benchmark: "gatsby5" as const, eventType: null, hostOrganisationId: "org_brightbank" },
  ].map((r) => ({ ...r, createdAt: now - 90 * DAY }));

  return [
    db.insert(people).values({ id: DEMO_RECORD_PERSON, email: "jordan@example.com", displayName: "Jordan", dateOfBirth: "2009-03-11", isYoungPerson: true, locale: "en", createdAt: now - 120 * DAY }),
    ...insertsInChunks(db, sessions, sessionRows),
    ...insertsInChunks(db, bookings, bookingRows),
    db.insert(mentoringSlots).values(slot),
    db.insert(bookings).values(mentoringBooking),
    ...insertsInChunks(db, contributors, contributorRows),
    // A helper the host has recorded but not yet confirmed: the garden session's page shows the
    // "Confirm" form (and crediting them is one click for whoever tries the demo).
    db.insert(contributors).values({ id: "ctb_demo_bill", sessionId: "ses_past_garden", name: "Bill", role: "community_volunteer", organisationId: null, organisationName: "Friends of the Park", personId: null, minutes: null, confirmedAt: null, recordedBy: "per_oakhouse_staff", createdAt: byId.ses_past_garden!.startsAt - DAY }),
    ...insertsInChunks(db, timebankOffers, offers),
    ...insertsInChunks(db, timebankEntries, [...credits, redemption]),
    ...insertsInChunks(db, careersRules, rules),
  ];
}
