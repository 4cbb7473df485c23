// Bulk data for the benchmark (numbers are cast: libSQL binds JS numbers as REAL, and
// 'ses_fill_' || (i / 50) must stay an integer), written straight into the libSQL file with set-based SQL so
// a million bookings take seconds, not minutes.
import { sql } from "drizzle-orm";
import type { Db } from "../src/db/client";
import { sha256Hex } from "../src/lib/crypto";
import { DAY } from "../src/lib/time";

export async function createHostAndVenue(db: Db, now: number) {
  await db.run(sql`insert into organisations (id, type, name, created_at) values ('org_bench', 'coordinator', 'Bench', ${now})`);
  await db.run(sql`insert into venues (id, name, address, postcode, created_at) values ('ven_bench', 'Bench Hall', '1 Bench Road', 'BN1 1AA', ${now})`);
}

/** `count` events, each with one future session of `capacity` seats. Returns the session ids. */
export async function createEvents(db: Db, now: number, count: number, capacity: number, prefix = "b"): Promise<string[]> {
  await db.run(sql`
    insert into events (id, type, title, description, search_text, host_organisation_id, min_age, max_age, tags, access_features, created_at, updated_at)
    with recursive n(i) as (select 1 union all select i + 1 from n where i < ${count})
    select 'evt_' || ${prefix} || i,
           case i % 6 when 0 then 'career_taster' when 1 then 'cv_workshop' when 2 then 'interview_skills' when 3 then 'budgeting' when 4 then 'intergenerational' else 'community_event' end,
           json_object('en', 'Bench event ' || i), json_object('en', 'A workshop used by the benchmark, number ' || i),
           'bench event ' || i, 'org_bench', 11, 25, '["send_friendly"]', '[]', ${now}, ${now}
    from n`);
  await db.run(sql`
    insert into sessions (id, event_id, starts_at, ends_at, venue_id, capacity, created_at, updated_at)
    with recursive n(i) as (select 1 union all select i + 1 from n where i < ${count})
    select 'ses_' || ${prefix} || i, 'evt_' || ${prefix} || i, ${now + 30 * DAY} + i * 60000, ${now + 30 * DAY} + i * 60000 + 3600000, 'ven_bench', ${capacity}, ${now}, ${now}
    from n`);
  return Array.from({ length: count }, (_, i) => `ses_${prefix}${i + 1}`);
}

/**
 * `count` young people (aged 17 on the bench sessions' dates) with access tokens, returned in
 * order. Tokens are stored hashed, exactly as sign-in stores them.
 */
export async function createPeople(db: Db, now: number, count: number, prefix: string): Promise<string[]> {
  const tokens = Array.from({ length: count }, (_, i) => `od_s_bench_${prefix}_${i}`);
  const hashes = await Promise.all(tokens.map((t) => sha256Hex(t)));
  for (let start = 0; start < count; start += 500) {
    const slice = hashes.slice(start, start + 500);
    await db.batch([
      db.run(sql.raw(`insert into people (id, email, display_name, date_of_birth, is_young_person, locale, created_at) values ${slice
        .map((_, j) => `('per_${prefix}_${start + j}', '${prefix}${start + j}@bench.test', 'P${start + j}', '2009-01-01', 1, 'en', ${now})`)
        .join(",")}`)),
      db.run(sql.raw(`insert into auth_sessions (id, token_hash, person_id, expires_at, created_at) values ${slice
        .map((h, j) => `('ses_${prefix}_${start + j}', '${h}', 'per_${prefix}_${start + j}', ${now + 30 * DAY}, ${now})`)
        .join(",")}`)),
    ] as never);
  }
  return tokens;
}

/**
 * Fills the bookings table up to `total` rows: `total / 50` past sessions of 50 confirmed
 * bookings each, spread over 100,000 people, so the indexes the booking path uses are as deep
 * as a long-running programme's.
 */
export async function fillBookings(db: Db, now: number, total: number): Promise<void> {
  const peopleCount = Math.min(100_000, total);
  const existing = Number(((await db.all(sql`select count(*) as n from people where id like 'per_fill_%'`)) as [{ n: number }])[0].n);
  if (existing < peopleCount) {
    await db.run(sql`
      insert into people (id, email, display_name, date_of_birth, is_young_person, created_at)
      with recursive n(i) as (select cast(${existing} as integer) union all select i + 1 from n where i < ${peopleCount - 1})
      select 'per_fill_' || i, 'fill' || i || '@bench.test', 'F' || i, '2008-01-01', 1, ${now} from n`);
  }
  const sessionsNeeded = Math.ceil(total / 50);
  await db.run(sql`insert or ignore into events (id, type, title, description, host_organisation_id, created_at, updated_at)
    values ('evt_fill', 'cv_workshop', '{"en":"Past workshop"}', '{"en":"History"}', 'org_bench', ${now}, ${now})`);
  const haveSessions = Number(((await db.all(sql`select count(*) as n from sessions where event_id = 'evt_fill'`)) as [{ n: number }])[0].n);
  if (haveSessions < sessionsNeeded) {
    await db.run(sql`
      insert into sessions (id, event_id, starts_at, ends_at, venue_id, capacity, seats_taken, created_at, updated_at)
      with recursive n(i) as (select cast(${haveSessions} as integer) union all select i + 1 from n where i < ${sessionsNeeded - 1})
      select 'ses_fill_' || i, 'evt_fill', ${now - 400 * DAY} + i * 600000, ${now - 400 * DAY} + i * 600000 + 3600000, 'ven_bench', 50, 50, ${now}, ${now} from n`);
  }
  const have = Number(((await db.all(sql`select count(*) as n from bookings`)) as [{ n: number }])[0].n);
  for (let from = have; from < total; from += 200_000) {
    const to = Math.min(total, from + 200_000) - 1;
    await db.run(sql`
      insert into bookings (id, kind, session_id, person_id, seats, status, starts_at, ends_at, ticket_code, created_at, updated_at)
      with recursive n(i) as (select cast(${from} as integer) union all select i + 1 from n where i < ${to})
      select 'bkg_fill_' || i, 'individual', 'ses_fill_' || (i / 50), 'per_fill_' || (i % cast(${peopleCount} as integer)), 1, 'confirmed',
             ${now - 400 * DAY} + (i / 50) * 600000, ${now - 400 * DAY} + (i / 50) * 600000 + 3600000, 'FILL-' || i, ${now}, ${now}
      from n`);
  }
}

/**
 * Access tokens for people made by `fillBookings` (per_fill_<from> … per_fill_<from+count-1>), who
 * already hold bookings, so the booking path's per-person clash check reads real index entries.
 */
export async function tokensForFillPeople(db: Db, now: number, from: number, count: number): Promise<string[]> {
  const tokens = Array.from({ length: count }, (_, i) => `od_s_bench_fill_${from + i}`);
  const hashes = await Promise.all(tokens.map((t) => sha256Hex(t)));
  for (let start = 0; start < count; start += 500) {
    const slice = hashes.slice(start, start + 500);
    await db.run(
      sql.raw(`insert into auth_sessions (id, token_hash, person_id, expires_at, created_at) values ${slice
        .map((h, j) => `('ses_fill_tok_${from + start + j}', '${h}', 'per_fill_${from + start + j}', ${now + 30 * DAY}, ${now})`)
        .join(",")}`),
    );
  }
  return tokens;
}
