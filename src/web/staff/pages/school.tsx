import type { organisations } from "../../../db/schema";
import { formatWhen, isoInstant } from "../../format";
import { pickLocalised } from "../../../i18n";
import { Layout, Localised } from "../../layout";
import type { View } from "../../view";
import type { groupFriendlySessions, schoolGroups } from "../../../features/groups/read";
import { ErrorSummary, Field, Notice, type FormErrors } from "../ui";

type Org = typeof organisations.$inferSelect;
type Group = Awaited<ReturnType<typeof schoolGroups>>[number];
type Choice = Awaited<ReturnType<typeof groupFriendlySessions>>[number];

export interface GroupForm {
  sessionId: string;
  pupils: string;
  staff: string;
  accessNeeds: string;
  roster: string;
}
export const emptyGroupForm: GroupForm = { sessionId: "", pupils: "", staff: "", accessNeeds: "", roster: "" };
const ORDER = ["sessionId", "pupils", "staff", "accessNeeds", "roster"];

function GroupFields({ view, form, errors }: { view: View; form: GroupForm; errors: FormErrors }) {
  const s = view.t;
  return (
    <>
      <div class="row">
        <Field id="pupils" label={s.t("groupPupils")} errors={errors}>
          {(aria) => <input type="number" id="pupils" name="pupils" min="1" max="500" inputmode="numeric" value={form.pupils} {...aria} />}
        </Field>
        <Field id="staff" label={s.t("groupStaff")} hint={s.t("groupStaffHint")} errors={errors}>
          {(aria) => <input type="number" id="staff" name="staff" min="1" max="100" inputmode="numeric" value={form.staff} {...aria} />}
        </Field>
      </div>
      <Field id="accessNeeds" label={s.t("groupAccess")} hint={s.t("groupAccessHint")} errors={errors}>
        {(aria) => (
          <textarea id="accessNeeds" name="accessNeeds" rows={3} maxlength={1000} {...aria}>
            {form.accessNeeds}
          </textarea>
        )}
      </Field>
      <Field id="roster" label={s.t("groupRoster")} hint={s.t("groupRosterHint")} errors={errors}>
        {(aria) => (
          <textarea id="roster" name="roster" rows={5} {...aria}>
            {form.roster}
          </textarea>
        )}
      </Field>
    </>
  );
}

/** One of a school's groups: on the school's page and on its staff's "My bookings". */
export function SchoolGroupCard({ view, orgId, group }: { view: View; orgId: string; group: Group }) {
  const { booking, session, event, venueName } = group;
  const { t } = view;
  const name = pickLocalised(event.title, t.locale);
  return (
    <li class="card">
      <h3>
        <Localised text={name.text} lang={name.lang} />
      </h3>
      <p>
        <time datetime={isoInstant(session.startsAt)}>{formatWhen(session.startsAt, session.endsAt, t, view.now)}</time>
        {venueName ? ` · ${venueName}` : ""}
      </p>
      <dl class="facts">
        <dt>{t.t("group")}</dt>
        <dd>{t.t("groupSize", { pupils: booking.pupils, staff: booking.staff })}</dd>
        <dt>{t.t("groupTicket")}</dt>
        <dd dir="ltr">{booking.ticketCode}</dd>
      </dl>
      {booking.status === "confirmed" && (
        <ul class="links">
          {session.startsAt > view.now && (
            <li>
              <a href={`/schools/${orgId}/groups/${booking.id}`}>{t.t("groupChangeLink")}</a>
            </li>
          )}
          <li>
            <a href={`/api/v1/bookings/${booking.id}/invite.ics`} download="invite.ics">
              {t.t("addToCalendar")}
              <span class="visually-hidden">: {name.text}</span>
            </a>
          </li>
        </ul>
      )}
    </li>
  );
}

export function SchoolPage(props: { view: View; org: Org; groups: Group[]; choices: Choice[]; form: GroupForm; errors: FormErrors; done?: string }) {
  const { view, org, groups, choices, form, errors, done } = props;
  // The groups service books only for the booker's own school; a coordinator visiting sees the list.
  const canBook = view.actor?.organisationIds.includes(org.id) ?? false;
  const { t } = view;
  const s = view.t;
  const title = s.t("schoolTitle", { name: org.name });
  return (
    <Layout view={view} title={errors.general || Object.keys(errors.fields).length ? `${t.t("errorSummaryTitle")}: ${title}` : title}>
      <p>
        <a href="/staff">{s.t("staffBack")}</a>
      </p>
      <h1>{title}</h1>
      <p>
        <a href={`/schools/${org.id}/careers`}>{s.t("tbCareersLink")}</a>
      </p>
      {done && <Notice>{done}</Notice>}
      <ErrorSummary view={view} errors={errors} order={ORDER} />
      <h2 id="groups">{s.t("schoolUpcoming")}</h2>
      {groups.length === 0 ? (
        <p>{s.t("schoolNone")}</p>
      ) : (
        <ul class="cards" aria-labelledby="groups">
          {groups.map((group) => (
            <SchoolGroupCard view={view} orgId={org.id} group={group} />
          ))}
        </ul>
      )}
      <h2 id="book">{s.t("schoolBookHeading")}</h2>
      {!canBook ? (
        <p>{s.t("schoolStaffOnly")}</p>
      ) : choices.length === 0 ? (
        <p>{s.t("groupNoSessions")}</p>
      ) : (
        <form method="post" action={`/schools/${org.id}/groups`} novalidate aria-labelledby="book">
          <p>{s.t("schoolBookIntro")}</p>
          <Field id="sessionId" label={s.t("groupSession")} hint={s.t("groupSessionHint")} errors={errors}>
            {(aria) => (
              <select id="sessionId" name="sessionId" {...aria}>
                {choices.map(({ session, event }) => (
                  <option value={session.id} selected={form.sessionId === session.id}>
                    {s.plural("groupSessionOption", Math.max(0, session.capacity - session.seatsTaken), {
                      event: pickLocalised(event.title, t.locale).text,
                      when: formatWhen(session.startsAt, session.endsAt, t, view.now),
                      ratio: event.pupilsPerStaff,
                    })}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <GroupFields view={view} form={form} errors={errors} />
          <button class="button" type="submit">
            {s.t("groupBookButton")}
          </button>
        </form>
      )}
    </Layout>
  );
}

export function GroupChangePage(props: { view: View; org: Org; group: Group; form: GroupForm; errors: FormErrors }) {
  const { view, org, group, form, errors } = props;
  const { t } = view;
  const s = view.t;
  const name = pickLocalised(group.event.title, t.locale);
  const title = s.t("groupChangeTitle");
  return (
    <Layout view={view} title={errors.general || Object.keys(errors.fields).length ? `${t.t("errorSummaryTitle")}: ${title}` : title}>
      <p>
        <a href={`/schools/${org.id}`}>{s.t("schoolTitle", { name: org.name })}</a>
      </p>
      <h1>{title}</h1>
      <ErrorSummary view={view} errors={errors} order={ORDER} />
      <p class="lead">
        <Localised text={name.text} lang={name.lang} />
        {" · "}
        <time datetime={isoInstant(group.session.startsAt)}>{formatWhen(group.session.startsAt, group.session.endsAt, t, view.now)}</time>
      </p>
      {group.booking.status === "confirmed" && (
        <p>
          <a class="button secondary" href={`/api/v1/bookings/${group.booking.id}/invite.ics`} download="invite.ics">
            {t.t("addToCalendar")}
          </a>
        </p>
      )}
      <p>{s.t("groupChangeIntro")}</p>
      <form method="post" action={`/schools/${org.id}/groups/${group.booking.id}`} novalidate>
        <GroupFields view={view} form={form} errors={errors} />
        <button class="button" type="submit">
          {s.t("groupSave")}
        </button>
      </form>
      <h2>{s.t("groupCancelLink")}</h2>
      <p>
        <a class="button secondary" href={`/schools/${org.id}/groups/${group.booking.id}/cancel`}>
          {s.t("groupCancelLink")}
        </a>
      </p>
    </Layout>
  );
}

export function GroupCancelPage({ view, org, group }: { view: View; org: Org; group: Group }) {
  const { t } = view;
  const s = view.t;
  const when = formatWhen(group.session.startsAt, group.session.endsAt, t, view.now);
  return (
    <Layout view={view} title={s.t("groupCancelTitle")}>
      <h1>{s.t("groupCancelTitle")}</h1>
      <p class="lead">
        {s.t("groupCancelBody", { pupils: group.booking.pupils, staff: group.booking.staff, event: pickLocalised(group.event.title, t.locale).text, when })}
      </p>
      <form method="post" action={`/schools/${org.id}/groups/${group.booking.id}/cancel`}>
        <div class="actions">
          <button class="button" type="submit">
            {s.t("groupCancelYes")}
          </button>
          <a href={`/schools/${org.id}/groups/${group.booking.id}`}>{s.t("groupCancelNo")}</a>
        </div>
      </form>
    </Layout>
  );
}
