import { sql } from "drizzle-orm";
import type { Db } from "./client";
import { directoryDemoInserts } from "./seed-directory";
import { timebankDemoInserts } from "./seed-timebank";
import { siteFeedbackDemoInserts } from "./seed-site-feedback";
import { insertsInChunks } from "./insert-chunks";
import { bookings, carouselGroups, carousels, carouselStations, carouselVisits, events, joinDetails, memberships, mentoringSlots, mentors, organisations, people, sessions, venues, type EventType, type LocalisedText } from "./schema";
import { planCarousel } from "../rules/carousel";
import { DAY, londonDate, londonToUtc, londonWallTime } from "../lib/time";
import { searchTextFor } from "../features/catalogue/shared";

/** London local time `days` from `now` at hh:mm, as a UTC instant. */
function at(now: number, days: number, hour: number, minute = 0): number {
  const d = londonWallTime(now + days * DAY);
  return londonToUtc({ year: d.year, month: d.month, day: d.day, hour, minute, second: 0 });
}

/** Whole days from `now` to the next 17 January in London (the January community event). */
function daysToJanuary(now: number): number {
  const d = londonWallTime(now);
  const year = d.month === 1 && d.day < 17 ? d.year : d.year + 1;
  return Math.round((Date.UTC(year, 0, 17) - Date.UTC(d.year, d.month - 1, d.day)) / DAY);
}

/**
 * A believable local programme, so `npm start` and `npm run dev` show something real. Only
 * inserted when the database has no organisations yet.
 */
export async function seedDemoData(db: Db, now: number): Promise<boolean> {
  const [{ n }] = (await db.all(sql`select count(*) as n from organisations`)) as [{ n: number }];
  if (n > 0) return false;
  const [first, ...rest] = demoDataInserts(db, now);
  // One batch: a database has all of the demo data or none of it.
  await db.batch([first!, ...rest]);
  return true;
}

/** The demo data as insert statements, each within D1's limit on bound parameters. */
export function demoDataInserts(db: Db, now: number) {
  const orgs = [
    { id: "org_coordinator", type: "coordinator" as const, name: "Open Door Youth Partnership", contactEmail: "hello@opendoor.example" },
    { id: "org_riverside", type: "school" as const, name: "Riverside Academy", contactEmail: "office@riverside.example" },
    { id: "org_hillview", type: "school" as const, name: "Hillview High School", contactEmail: "office@hillview.example" },
    { id: "org_northbuild", type: "employer" as const, name: "Northbuild Construction", contactEmail: "careers@northbuild.example" },
    { id: "org_cityhealth", type: "employer" as const, name: "City Health NHS Trust", contactEmail: "outreach@cityhealth.example" },
    { id: "org_brightbank", type: "employer" as const, name: "Brightbank Building Society", contactEmail: "community@brightbank.example" },
    { id: "org_oakhouse", type: "community" as const, name: "Oak House Care Home", contactEmail: "activities@oakhouse.example" },
    { id: "org_library", type: "community" as const, name: "Central Library", contactEmail: "events@library.example" },
  ];
  const staff = [
    { id: "per_coordinator", email: "coordinator@opendoor.example", displayName: "Sam (Coordinator)", org: "org_coordinator" },
    { id: "per_riverside_staff", email: "j.khan@riverside.example", displayName: "Ms Khan", org: "org_riverside" },
    { id: "per_hillview_staff", email: "t.evans@hillview.example", displayName: "Mr Evans", org: "org_hillview" },
    { id: "per_northbuild_staff", email: "careers@northbuild.example", displayName: "Dee (Northbuild)", org: "org_northbuild" },
    { id: "per_cityhealth_staff", email: "outreach@cityhealth.example", displayName: "Priya (City Health)", org: "org_cityhealth" },
    { id: "per_brightbank_staff", email: "community@brightbank.example", displayName: "Tom (Brightbank)", org: "org_brightbank" },
    { id: "per_oakhouse_staff", email: "activities@oakhouse.example", displayName: "Maggie (Oak House)", org: "org_oakhouse" },
  ];
  const youngPeople = [
    // The two young visitors on Oak House's register today (oakHouseVisitors).
    { id: "per_demo_sami", email: "sami@example.com", displayName: "Sami", dateOfBirth: "2009-11-03", locale: "en" as const },
    { id: "per_demo_noor", email: "noor@example.com", displayName: "Noor", dateOfBirth: "2008-04-27", locale: "ar" as const },
    { id: "per_demo_aisha", email: "aisha@example.com", displayName: "Aisha", dateOfBirth: "2010-05-14", locale: "en" as const },
    { id: "per_demo_kuba", email: "kuba@example.com", displayName: "Kuba", dateOfBirth: "2008-09-02", locale: "pl" as const },
    { id: "per_demo_olena", email: "olena@example.com", displayName: "Olena", dateOfBirth: "2005-01-20", locale: "uk" as const },
  ];
  const venueRows = [
    {
      id: "ven_library",
      name: "Central Library, Community Room 2",
      address: "1 Library Square, Riverside",
      postcode: "RV1 2LB",
      organisationId: "org_library",
      stepFree: true,
      accessibleToilet: true,
      hearingLoop: true,
      quietRoom: true,
      disabledParking: true,
      publicTransport: { en: "Buses 5, 12 and 40 stop outside (Library Square). Riverside station is a 6-minute flat walk." },
    },
    {
      id: "ven_oakhouse",
      name: "Oak House Care Home, Garden Lounge",
      address: "22 Oak Lane, Hillview",
      postcode: "HV3 7OK",
      organisationId: "org_oakhouse",
      stepFree: true,
      accessibleToilet: true,
      hearingLoop: false,
      quietRoom: true,
      disabledParking: true,
      // Written by the coordinator in all five languages (issue #14 item 7).
      publicTransport: {
        en: "Bus 12 to Oak Lane (2 minutes' walk).",
        pl: "Autobus 12 do Oak Lane (2 minuty pieszo).",
        ro: "Autobuzul 12 până la Oak Lane (2 minute de mers pe jos).",
        uk: "Автобус 12 до Oak Lane (2 хвилини пішки).",
        ar: "الحافلة 12 إلى Oak Lane (دقيقتان سيرًا على الأقدام).",
      },
      directions: {
        en: "Ring the bell at the main door; staff will sign you in.",
        pl: "Zadzwoń dzwonkiem przy głównych drzwiach; personel wpisze cię na listę gości.",
        ro: "Sună la ușa principală; personalul te va înregistra.",
        uk: "Подзвоніть у дзвінок біля головних дверей; персонал вас зареєструє.",
        ar: "اضغط الجرس عند الباب الرئيسي، وسيسجّل الموظفون دخولك.",
      },
    },
    {
      id: "ven_northbuild",
      name: "Northbuild Training Yard",
      address: "Unit 4, Canal Industrial Estate",
      postcode: "RV4 9NB",
      organisationId: "org_northbuild",
      stepFree: true,
      accessibleToilet: true,
      hearingLoop: false,
      quietRoom: false,
      disabledParking: true,
      publicTransport: { en: "Bus 40 to Canal Road, then 8 minutes' walk along the towpath (lit, flat)." },
    },
    {
      id: "ven_stmarks",
      name: "St Mark's Church Hall",
      address: "St Mark's Road, Riverside",
      postcode: "RV2 5SM",
      organisationId: null,
      stepFree: false,
      accessibleToilet: false,
      hearingLoop: true,
      quietRoom: true,
      disabledParking: false,
      publicTransport: { en: "Buses 5 and 7 to St Mark's Road. Three steps at the entrance; a portable ramp is available on request." },
      // The hall is partitioned: two sessions can run side by side (rule 16).
      holdsSeveralSessions: true,
    },
  ];
  const en = (text: string): LocalisedText => ({ en: text });
  const ev = (
    id: string,
    type: EventType,
    title: string | LocalisedText,
    description: string | LocalisedText,
    host: string,
    extra: Partial<typeof events.$inferInsert> = {},
  ): typeof events.$inferInsert => ({
    id,
    type,
    title: typeof title === "string" ? en(title) : title,
    description: typeof description === "string" ? en(description) : description,
    searchText: searchTextFor(typeof title === "string" ? en(title) : title, typeof description === "string" ? en(description) : description),
    hostOrganisationId: host,
    createdAt: now,
    ...extra,
  });
  const eventRows = [
    // Three activities written in all five languages by their hosts (issue #14 item 7, #15 item 3);
    // the others are in English only, so the other pages show them marked lang="en".
    ev(
      "evt_trades",
      "career_taster",
      {
        en: "Try a trade: bricklaying and carpentry",
        pl: "Spróbuj zawodu: murarstwo i stolarstwo",
        ro: "Încearcă o meserie: zidărie și tâmplărie",
        uk: "Спробуйте професію: мурування і столярство",
        ar: "جرّب مهنة: البناء بالطوب والنجارة",
      },
      {
        en: "Spend a morning on site with Northbuild apprentices. Hard hats and gloves provided.",
        pl: "Spędź poranek na budowie z praktykantami Northbuild. Kaski i rękawice zapewniamy.",
        ro: "Petrece o dimineață pe șantier cu ucenicii Northbuild. Primești cască și mănuși.",
        uk: "Проведіть ранок на будівельному майданчику з учнями Northbuild. Каски та рукавички надаємо.",
        ar: "اقضِ صباحًا في موقع العمل مع متدربي Northbuild. نوفّر الخوذ والقفازات.",
      },
      "org_northbuild",
      {
        minAge: 14,
        maxAge: 19,
        tags: ["women_in_trades"],
        accessFeatures: ["easy_read"],
        groupsAllowed: true,
        whatToBring: {
          en: "Closed shoes and clothes you don't mind getting dusty.",
          pl: "Zakryte buty i ubranie, które może się zakurzyć.",
          ro: "Pantofi închiși și haine pe care nu te deranjează să le prăfuiești.",
          uk: "Закрите взуття та одяг, який не шкода запилити.",
          ar: "حذاء مغلق وملابس لا تمانع أن يعلق بها الغبار.",
        },
      },
    ),
    ev("evt_nhs", "career_taster", "A day in the life of a hospital", "Meet nurses, porters and lab scientists. See the jobs behind the wards.", "org_cityhealth", { minAge: 15, maxAge: 25, tags: ["send_friendly"], accessFeatures: ["bsl", "easy_read"], groupsAllowed: true }),
    ev("evt_bank", "career_taster", "Working in finance: not just numbers", "Customer service, IT and apprenticeships at a building society.", "org_brightbank", { minAge: 15, maxAge: 25 }),
    ev("evt_cv", "cv_workshop", "Write your first CV", "Bring what you have (or nothing at all). Leave with a one-page CV.", "org_coordinator", { minAge: 14, maxAge: 25, tags: ["send_friendly", "neurodiverse_friendly"], accessFeatures: ["easy_read", "sensory_friendly"] }),
    ev("evt_cv_parents", "cv_workshop", "CVs for young parents", "Gaps, childcare and part-time work: how to write about them. Children welcome.", "org_coordinator", { minAge: 16, maxAge: 25, tags: ["young_parents"] }),
    ev("evt_interview", "interview_skills", "Interview practice with real employers", "Short practice interviews with friendly feedback. Quiet room available.", "org_brightbank", { minAge: 15, maxAge: 25, tags: ["neurodiverse_friendly"], accessFeatures: ["sensory_friendly"] }),
    ev("evt_interview_online", "interview_skills", "Online interviews: tips and a practice run", "How to get ready for a video interview, then try one.", "org_cityhealth", { minAge: 16, maxAge: 25 }),
    ev("evt_budget", "budgeting", "Money basics: your first payslip", "Tax, National Insurance, and making your money last the month.", "org_brightbank", { minAge: 15, maxAge: 25, accessFeatures: ["easy_read"], groupsAllowed: true }),
    ev("evt_budget_rent", "budgeting", "Moving out: rent, bills and deposits", "What it really costs to live on your own, and where to get help.", "org_coordinator", { minAge: 16, maxAge: 25, tags: ["young_parents"] }),
    ev(
      "evt_stories",
      "intergenerational",
      { en: "Storytelling at Oak House", pl: "Opowieści w Oak House", ro: "Povești la Oak House", uk: "Розповіді в Oak House", ar: "حكايات في Oak House" },
      {
        en: "Swap stories with residents. Weekly, with the same group, so you get to know each other.",
        pl: "Wymieniaj się historiami z mieszkańcami. Co tydzień, w tej samej grupie, żebyście mogli się poznać.",
        ro: "Schimbă povești cu rezidenții. Săptămânal, cu același grup, ca să vă cunoașteți.",
        uk: "Обмінюйтеся історіями з мешканцями. Щотижня, в тій самій групі, щоб ви познайомилися ближче.",
        ar: "تبادل القصص مع المقيمين. كل أسبوع ومع المجموعة نفسها، لتتعرفوا على بعضكم.",
      },
      "org_oakhouse", { minAge: 11, maxAge: 25, tags: ["send_friendly"], accessFeatures: ["sensory_friendly"], consentAge: 16 }),
    ev(
      "evt_garden",
      "intergenerational",
      { en: "Gardening with Oak House residents", pl: "Ogrodnictwo z mieszkańcami Oak House", ro: "Grădinărit cu rezidenții de la Oak House", uk: "Садівництво з мешканцями Oak House", ar: "البستنة مع المقيمين في Oak House" },
      {
        en: "Plant, water and chat in the care home garden. Gloves provided.",
        pl: "Sadź, podlewaj i rozmawiaj w ogrodzie domu opieki. Rękawice zapewniamy.",
        ro: "Plantează, udă și stai de vorbă în grădina căminului. Primești mănuși.",
        uk: "Садіть, поливайте й спілкуйтеся в саду будинку догляду. Рукавички надаємо.",
        ar: "ازرع واسقِ وتحدّث في حديقة دار الرعاية. نوفّر القفازات.",
      },
      "org_oakhouse", { minAge: 11, maxAge: 25, groupsAllowed: true }),
    ev("evt_music", "intergenerational", "Music afternoon: songs across the years", "Bring a song you love; residents bring theirs. No singing skills needed.", "org_oakhouse", { minAge: 11, maxAge: 25, accessFeatures: ["bsl"] }),
    ev("evt_bookclub", "intergenerational", "Book club with a difference", "Read a short story together with residents, then talk about it.", "org_library", { minAge: 12, maxAge: 25, accessFeatures: ["easy_read"] }),
    // The programme's January community event (issue #16): food, fun and the QR-coded directory,
    // for whole families, booked by a parent or carer for the household.
    ev("evt_january", "community_event", "January community day: food, fun and local support", "Hot food, games and crafts for all ages, with local services on hand: food support, childcare, health and money advice. Scan the posters to find help near you.", "org_coordinator", { minAge: 11, maxAge: 25, tags: ["families", "send_friendly"], accessFeatures: ["sensory_friendly"], groupsAllowed: false, waitlistEnabled: false }),
    ev("evt_fair", "community_event", "Spring opportunities fair", "Employers, colleges and youth groups under one roof. Drop in any time.", "org_coordinator", { minAge: 11, maxAge: 25, tags: ["send_friendly"], accessFeatures: ["bsl", "sensory_friendly"], groupsAllowed: true, waitlistEnabled: false }),
    ev("evt_games", "community_event", "Board games night", "Relaxed games night at the library. Quiet corner available.", "org_library", { minAge: 11, maxAge: 18, tags: ["neurodiverse_friendly"], accessFeatures: ["sensory_friendly"] }),
    // Get involved (issue #16 item 8): the programme's own decisions, open to the young people it
    // serves, each bookable like any activity and listed on /get-involved.
    ev("evt_youth_board", "co_production", "Youth advisory board: what should we do next?", "Young people decide with the coordinators which activities come next, and check that what you told us was done. Pizza provided.", "org_coordinator", { minAge: 11, maxAge: 25, tags: ["send_friendly"], accessFeatures: ["easy_read"], groupsAllowed: false }),
    ev("evt_inspectors", "co_production", "Young inspectors: check St Mark's Church Hall", "Visit the hall with a checklist and tell us what would make it more welcoming: signs, quiet spaces, getting there. Your ideas go to the hall's managers.", "org_coordinator", { minAge: 11, maxAge: 25, tags: ["send_friendly", "neurodiverse_friendly"], accessFeatures: ["sensory_friendly"], groupsAllowed: false }),
    ev("evt_codesign", "co_production", "Co-design workshop: make this website better", "Try the booking pages on your phone and redesign what gets in your way, with the people who build them. No experience needed.", "org_coordinator", { minAge: 13, maxAge: 25, tags: ["neurodiverse_friendly"], accessFeatures: ["easy_read"], groupsAllowed: false }),
  ];
  const session = (id: string, eventId: string, days: number, hour: number, minutes: number, venueId: string | null, capacity: number, extra: Partial<typeof sessions.$inferInsert> = {}) => {
    const startsAt = at(now, days, hour);
    return { id, eventId, startsAt, endsAt: startsAt + minutes * 60_000, venueId, capacity, createdAt: now, updatedAt: now, ...extra };
  };
  const sessionRows = [
    session("ses_trades_1", "evt_trades", 6, 10, 180, "ven_northbuild", 16),
    session("ses_trades_2", "evt_trades", 27, 10, 180, "ven_northbuild", 16),
    session("ses_nhs_1", "evt_nhs", 9, 9, 360, "ven_library", 20),
    session("ses_bank_1", "evt_bank", 12, 14, 120, "ven_library", 15),
    session("ses_cv_1", "evt_cv", 3, 16, 90, "ven_library", 12),
    session("ses_cv_2", "evt_cv", 17, 16, 90, "ven_library", 12),
    session("ses_cv_parents_1", "evt_cv_parents", 8, 10, 90, "ven_stmarks", 10),
    session("ses_interview_1", "evt_interview", 10, 16, 120, "ven_library", 8),
    session("ses_interview_online_1", "evt_interview_online", 14, 18, 60, null, 25, { onlineUrl: "https://meet.example/od-interviews" }),
    session("ses_budget_1", "evt_budget", 5, 16, 90, "ven_library", 20),
    session("ses_budget_rent_1", "evt_budget_rent", 20, 18, 90, "ven_stmarks", 15),
    // Noor booked the whole series in one step (issue #14 item 6): one seat of each date is hers.
    ...Array.from({ length: 8 }, (_, i) => session(`ses_stories_${i + 1}`, "evt_stories", 2 + i * 7, 15, 60, "ven_oakhouse", 8, { seriesId: "ser_stories", seatsTaken: 1 })),
    session("ses_garden_1", "evt_garden", 11, 14, 90, "ven_oakhouse", 12),
    session("ses_music_1", "evt_music", 15, 14, 90, "ven_oakhouse", 12),
    session("ses_bookclub_1", "evt_bookclub", 7, 17, 60, "ven_library", 10),
    session("ses_fair_1", "evt_fair", 35, 11, 240, "ven_library", 200),
    session("ses_january_1", "evt_january", daysToJanuary(now), 11, 300, "ven_stmarks", 120),
    session("ses_games_1", "evt_games", 4, 18, 120, "ven_library", 20),
    session("ses_games_2", "evt_games", 32, 18, 120, "ven_library", 20),
    session("ses_youth_board_1", "evt_youth_board", 13, 17, 90, "ven_library", 15),
    session("ses_youth_board_2", "evt_youth_board", 41, 17, 90, "ven_library", 15),
    session("ses_inspectors_1", "evt_inspectors", 16, 10, 120, "ven_stmarks", 8),
    session("ses_codesign_1", "evt_codesign", 19, 16, 120, "ven_library", 12),
    // Oak House's door today (issue #15): a music afternoon that began a quarter of an hour
    // ago, so the partner area shows a register to check in and close.
    { id: "ses_music_today", eventId: "evt_music", startsAt: now - 15 * 60_000, endsAt: now + 75 * 60_000, venueId: "ven_oakhouse", capacity: 12, seatsTaken: 2, createdAt: now, updatedAt: now },
  ];
  const mentorRows = [
    { id: "mtr_dee", organisationId: "org_northbuild", displayName: "Dee, site manager", email: "dee@northbuild.example", sector: "construction", bio: { en: "Started as an apprentice at 17. Happy to talk about trades, apprenticeships and being a woman on site." }, languages: ["en"], dbsCheckedOn: londonDate(now - 200 * DAY), dbsExpiresOn: londonDate(now + 900 * DAY), dbsCertificateLast4: "4821" },
    { id: "mtr_priya", organisationId: "org_cityhealth", displayName: "Priya, staff nurse", email: "priya@cityhealth.example", sector: "health", bio: {
        en: "Nurse on a children's ward. Ask me about nursing degrees and apprenticeships.",
        pl: "Pielęgniarka na oddziale dziecięcym. Zapytaj mnie o studia pielęgniarskie i praktyki zawodowe.",
        ro: "Asistentă într-o secție de pediatrie. Întreabă-mă despre studiile de asistentă medicală și ucenicii.",
        uk: "Медсестра в дитячому відділенні. Питайте мене про навчання на медсестру та програми професійного навчання.",
        ar: "ممرضة في جناح الأطفال. اسألني عن شهادات التمريض والتدريب المهني.",
      }, languages: ["en", "pl"], dbsCheckedOn: londonDate(now - 100 * DAY), dbsExpiresOn: londonDate(now + 1000 * DAY), dbsCertificateLast4: "1177" },
    { id: "mtr_tom", organisationId: "org_brightbank", displayName: "Tom, IT apprentice", email: "tom@brightbank.example", sector: "finance", bio: { en: "Two years into an IT apprenticeship. I can help with applications and interviews." }, languages: ["en"], dbsCheckedOn: null, dbsExpiresOn: null, dbsCertificateLast4: null },
  ];
  const slotRows = mentorRows.flatMap((m, mi) =>
    Array.from({ length: 4 }, (_, i) => {
      const startsAt = at(now, 3 + i * 7 + mi, 17);
      return {
        id: `slt_${m.id.slice(4)}_${i + 1}`,
        mentorId: m.id,
        startsAt,
        endsAt: startsAt + 45 * 60_000,
        mode: i % 2 === 0 ? ("online" as const) : ("in_person" as const),
        venueId: i % 2 === 0 ? null : "ven_library",
        meetingUrl: i % 2 === 0 ? `https://meet.example/mentoring-${m.id.slice(4)}-${i + 1}` : null,
        createdAt: now,
      };
    }),
  );

  return [
    ...insertsInChunks(db, organisations, orgs.map((o) => ({ ...o, createdAt: now }))),
    ...insertsInChunks(db, people, [
      ...staff.map(({ org: _org, ...p }) => ({ ...p, createdAt: now })),
      ...youngPeople.map((p) => ({ ...p, isYoungPerson: true, createdAt: now })),
    ]),
    // What Aisha told us when joining (issue #14): her booking form offers her access needs again.
    db.insert(joinDetails).values({ personId: "per_demo_aisha", school: "Riverside Academy", accessNeeds: "I use a wheelchair: a step-free way in and a seat at the end of a row, please.", createdAt: now }),
    ...insertsInChunks(db, memberships, staff.map((s) => ({ id: `mem_${s.id.slice(4)}`, organisationId: s.org, personId: s.id, createdAt: now }))),
    ...insertsInChunks(db, venues, venueRows.map((v) => ({ ...v, createdAt: now }))),
    ...insertsInChunks(db, events, eventRows),
    ...insertsInChunks(db, sessions, sessionRows),
    ...insertsInChunks(db, bookings, [...oakHouseVisitors(now), ...noorsSeries(sessionRows)]),
    ...insertsInChunks(db, mentors, mentorRows.map((m) => ({ ...m, createdAt: now }))),
    ...insertsInChunks(db, mentoringSlots, slotRows),
    ...demoCarousel(db, now),
    ...directoryDemoInserts(db, now),
    ...timebankDemoInserts(db, now),
    ...siteFeedbackDemoInserts(db, now),
  ];
}

/** Noor's whole storytelling series, booked in one step ("Book all 8 dates"): a confirmed place on each date. */
function noorsSeries(sessionRows: { id: string; startsAt: number; endsAt: number; createdAt: number }[]) {
  return sessionRows
    .filter((s) => s.id.startsWith("ses_stories_"))
    .map((s, i) => ({
      id: `bkg_demo_noor_stories_${i + 1}`,
      kind: "individual" as const,
      sessionId: s.id,
      personId: "per_demo_noor",
      status: "confirmed" as const,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      seats: 1,
      ticketCode: `NOORS-2610${i + 1}`,
      accessNeeds: "",
      createdAt: s.createdAt,
      updatedAt: s.createdAt,
    }));
}

/** Booked on Oak House's music afternoon today: what the host's register shows at the door. */
function oakHouseVisitors(now: number) {
  const base = { sessionId: "ses_music_today", startsAt: now - 15 * 60_000, endsAt: now + 75 * 60_000, status: "confirmed" as const, kind: "individual" as const, seats: 1, createdAt: now, updatedAt: now };
  return [
    { ...base, id: "bkg_demo_sami_music", personId: "per_demo_sami", ticketCode: "SAMIM-26001", accessNeeds: "Uses a wheelchair; needs a table at the right height" },
    { ...base, id: "bkg_demo_noor_music", personId: "per_demo_noor", ticketCode: "NOORM-26002", accessNeeds: "" },
  ];
}

/**
 * A taster carousel (issue #18) in three weeks at St Mark's: three demo employers run stations,
 * both schools have groups booked, and the rotation plan is made (as the minute job would once
 * bookings close) so the timetables show something.
 */
function demoCarousel(db: Db, now: number) {
  const carouselId = "car_demo_spring";
  const carousel = {
    id: carouselId,
    title: "Spring careers carousel",
    venueId: "ven_stmarks",
    startsAt: at(now, 21, 9, 30),
    roundMinutes: 25,
    changeoverMinutes: 5,
    rounds: 3,
    pupilsPerStaff: 10,
    bookingsCloseAt: at(now, 14, 17),
    createdAt: now,
  };
  const stations = [
    { id: "cst_demo_bricks", hostOrganisationId: "org_northbuild", name: "Bricklaying and site safety", capacity: 30, minAge: 14, maxAge: null },
    { id: "cst_demo_nursing", hostOrganisationId: "org_cityhealth", name: "Nursing and hospital jobs", capacity: 30, minAge: null, maxAge: null },
    { id: "cst_demo_bank", hostOrganisationId: "org_brightbank", name: "Banking and apprenticeships", capacity: 30, minAge: null, maxAge: null },
  ].map((s, i) => ({ ...s, carouselId, createdAt: now + i }));
  const groups = [
    { id: "cgr_demo_riverside_9", schoolId: "org_riverside", bookedBy: "per_riverside_staff", label: "Year 9 Blue", pupils: 24, staff: 3, minAge: 13, maxAge: 14, accessNeeds: "Two pupils use ear defenders; one wheelchair user." },
    { id: "cgr_demo_riverside_10", schoolId: "org_riverside", bookedBy: "per_riverside_staff", label: "Year 10 Green", pupils: 20, staff: 2, minAge: 14, maxAge: 15, accessNeeds: "" },
    { id: "cgr_demo_hillview_10", schoolId: "org_hillview", bookedBy: "per_hillview_staff", label: "Year 10 Red", pupils: 18, staff: 2, minAge: 14, maxAge: 15, accessNeeds: "" },
  ].map((g, i) => ({ ...g, carouselId, seats: g.pupils + g.staff, status: "confirmed" as const, createdAt: now + i, updatedAt: now }));
  const plan = planCarousel({ rounds: carousel.rounds, groups, stations });
  const visits = plan.groups.flatMap((g) =>
    g.stations.flatMap((stationId, r) => (stationId ? [{ id: `cvi_demo_${g.groupId.slice(9)}_${r + 1}`, carouselId, groupId: g.groupId, stationId, round: r + 1 }] : [])),
  );
  return [
    db.insert(carousels).values({ ...carousel, plan: plan as unknown as Record<string, unknown>, plannedAt: now }),
    ...insertsInChunks(db, carouselStations, stations),
    ...insertsInChunks(db, carouselGroups, groups),
    ...insertsInChunks(db, carouselVisits, visits),
  ];
}
