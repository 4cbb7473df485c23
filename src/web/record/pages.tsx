// My record (issue #17): a young person's record, printable on A4 (the print rules in style.ts
// hide the menus and the share form), and the same record through a share link.
import type { ContributorRole } from "../../db/schema";
import type { YoungPersonRecord } from "../../features/timebank/record";
import type { RecordShareRow } from "../../features/timebank/record";
import { pickLocalised, type StringKey } from "../../i18n";
import { hoursOf } from "../../rules/timebank";
import { isoInstant } from "../format";
import { Layout } from "../layout";
import type { View } from "../view";

const ROLE_KEYS: Record<ContributorRole, StringKey> = {
  mentor: "recRoleMentor",
  employer_volunteer: "recRoleEmployerVolunteer",
  resident: "recRoleResident",
  community_volunteer: "recRoleCommunityVolunteer",
  young_helper: "recRoleYoungHelper",
};

const longDate = (instant: number, locale: string) => new Intl.DateTimeFormat(locale === "ar" ? "ar-GB" : locale, { dateStyle: "long", timeZone: "Europe/London" }).format(instant);
const hours = (minutes: number, locale: string) => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(hoursOf(minutes));

function RecordBody({ view, record }: { view: View; record: YoungPersonRecord }) {
  const { t } = view;
  return (
    <>
      <dl class="record-totals">
        <div>
          <dt>{t.t("recTakingPart")}</dt>
          <dd>{hours(record.minutesTakingPart, t.locale)}</dd>
        </div>
        <div>
          <dt>{t.t("recGiven")}</dt>
          <dd>{hours(record.minutesGiven, t.locale)}</dd>
        </div>
        <div>
          <dt>{t.t("recBalance")}</dt>
          <dd>{hours(record.balance, t.locale)}</dd>
        </div>
      </dl>
      <h2>{t.t("recActivities")}</h2>
      {record.items.length === 0 ? (
        <p>{t.t("recNothing")}</p>
      ) : (
        <table class="record">
          <thead>
            <tr>
              <th scope="col">{t.t("recDate")}</th>
              <th scope="col">{t.t("recActivity")}</th>
              <th scope="col">{t.t("recWhat")}</th>
              <th scope="col">{t.t("recOrganisation")}</th>
              <th scope="col">{t.t("recHours")}</th>
            </tr>
          </thead>
          <tbody>
            {record.items.map((i) => {
              const title = pickLocalised(i.title, t.locale);
              return (
                <tr>
                  <td>
                    <time datetime={isoInstant(i.startsAt)}>{longDate(i.startsAt, t.locale)}</time>
                  </td>
                  <th scope="row" lang={title.lang ?? undefined}>
                    {title.text}
                  </th>
                  <td>{i.kind === "session" && i.eventType ? t.label("eventTypes", i.eventType) : i.kind === "mentoring" ? t.t("recMentoring") : t.t(ROLE_KEYS[i.role!])}</td>
                  <td>{i.organisation}</td>
                  <td>{hours(i.minutes, t.locale)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <h2>{t.t("recOrganisations")}</h2>
      {record.organisations.length === 0 ? <p>{t.t("recNothing")}</p> : <ul class="record-orgs">{record.organisations.map((o) => <li>{o}</li>)}</ul>}
    </>
  );
}

export function MyRecordPage({ view, record, links, madeUrl, turnedOff }: { view: View; record: YoungPersonRecord; links: RecordShareRow[]; madeUrl?: string; turnedOff?: boolean }) {
  const { t } = view;
  return (
    <Layout view={view} title={t.t("recTitle")} section="my">
        <h1>{t.t("recTitle")}</h1>
        <p>{t.t("recIntro")}</p>
        <p class="no-print">{t.t("recPrint")}</p>
        <RecordBody view={view} record={record} />
        <section class="no-print" aria-labelledby="share-heading">
          <h2 id="share-heading">{t.t("recShareTitle")}</h2>
          <p>{t.t("recShareIntro")}</p>
          {madeUrl && (
            <div class="note" role="status">
              <p>{t.t("recShareMade")}</p>
              <code class="secret" dir="ltr">
                {madeUrl}
              </code>
            </div>
          )}
          {turnedOff && (
            <p class="note" role="status">
              {t.t("recShareTurnedOff")}
            </p>
          )}
          <form method="post" action="/my/record/links">
            <button type="submit">{t.t("recShareMake")}</button>
          </form>
          <h3>{t.t("recShareLive")}</h3>
          {links.length === 0 ? (
            <p>{t.t("recShareNone")}</p>
          ) : (
            <ul>
              {links.map((l) => (
                <li>
                  {t.t("recShareMadeOn", { day: longDate(l.createdAt, t.locale) })}{" "}
                  <form method="post" action={`/my/record/links/${l.id}/off`} class="inline">
                    <button type="submit">{t.t("recShareOff")}</button>
                  </form>
                </li>
              ))}
            </ul>
          )}
        </section>
    </Layout>
  );
}

export function SharedRecordPage({ view, record }: { view: View; record: YoungPersonRecord }) {
  const { t } = view;
  const title = t.t("recSharedTitle", { name: record.name });
  return (
    <Layout view={view} title={title}>
        <h1>{title}</h1>
        <p>{t.t("recSharedIntro")}</p>
        <RecordBody view={view} record={record} />
    </Layout>
  );
}
