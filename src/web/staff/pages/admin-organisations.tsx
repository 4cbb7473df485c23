// Organisations, their staff and their API keys, for coordinators.
import { ORGANISATION_TYPES } from "../../../db/schema";
import { formatDay } from "../../format";
import type { View } from "../../view";
import { ErrorSummary, Field, Notice, type FormErrors } from "../ui";
import { CoordinatorShell } from "./coordinator-shell";

type Org = { id: string; type: (typeof ORGANISATION_TYPES)[number]; name: string; contactEmail: string | null };
type Key = { id: string; name: string; prefix: string; createdAt: number; revokedAt: number | null };
type Member = { id: string; displayName: string; email: string };

export interface OrgForm {
  type: string;
  name: string;
  contactEmail: string;
}
export const emptyOrgForm: OrgForm = { type: "school", name: "", contactEmail: "" };

const typeName = (view: View, type: string) => view.t.raw("admOrgTypes")[type] ?? type;

export function OrganisationsPage({ view, orgs, form, errors }: { view: View; orgs: Org[]; form: OrgForm; errors: FormErrors }) {
  const s = view.t;
  return (
    <CoordinatorShell view={view} title={s.t("admOrganisations")} errors={errors}>
      <p>{s.t("admOrgsIntro")}</p>
      {orgs.length === 0 ? (
        <p>{s.t("admOrgsNone")}</p>
      ) : (
        <table class="list">
          <thead>
            <tr>
              <th scope="col">{s.t("admOrgName")}</th>
              <th scope="col">{s.t("admOrgType")}</th>
            </tr>
          </thead>
          <tbody>
            {orgs.map((o) => (
              <tr>
                <td>
                  <a href={`/coordinator/organisations/${o.id}`}>{o.name}</a>
                </td>
                <td>{typeName(view, o.type)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2 id="add">{s.t("admOrgAdd")}</h2>
      <ErrorSummary view={view} errors={errors} order={["type", "name", "contactEmail"]} />
      <form method="post" action="/coordinator/organisations" novalidate>
        <Field id="type" label={s.t("admOrgType")} errors={errors}>
          {(aria) => (
            <select id="type" name="type" {...aria}>
              {ORGANISATION_TYPES.map((t) => (
                <option value={t} selected={form.type === t}>
                  {typeName(view, t)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="name" label={s.t("admOrgName")} errors={errors}>
          {(aria) => <input type="text" id="name" name="name" maxlength={120} value={form.name} {...aria} />}
        </Field>
        <Field id="contactEmail" label={s.t("admOrgContact")} errors={errors}>
          {(aria) => <input type="email" id="contactEmail" name="contactEmail" autocomplete="off" dir="ltr" maxlength={254} value={form.contactEmail} {...aria} />}
        </Field>
        <button class="button" type="submit">
          {s.t("admOrgSave")}
        </button>
      </form>
    </CoordinatorShell>
  );
}

export interface OrgPageState {
  staffForm: { displayName: string; email: string };
  keyName: string;
  /** A key just made: shown on this one answer only (never stored, never cached). */
  newKey?: { name: string; key: string };
  errors: FormErrors;
  done?: string;
}

export function OrganisationPage({ view, org, members, keys, state }: { view: View; org: Org; members: Member[]; keys: Key[]; state: OrgPageState }) {
  const s = view.t;
  const { errors } = state;
  return (
    <CoordinatorShell view={view} title={org.name} errors={errors}>
      {state.done && <Notice>{state.done}</Notice>}
      {state.newKey && (
        <div class="note" role="status">
          <h2>{s.t("admKeyShownTitle")}</h2>
          <p>{s.t("admKeyShown", { name: org.name })}</p>
          <p>
            <code dir="ltr" class="secret">
              {state.newKey.key}
            </code>
          </p>
        </div>
      )}
      <p>
        <a href="/coordinator/organisations">{s.t("admOrganisations")}</a>
      </p>
      <p>{typeName(view, org.type)}</p>
      <ErrorSummary view={view} errors={errors} order={["displayName", "email", "keyName"]} />
      <h2 id="staff">{s.t("admStaff")}</h2>
      {members.length === 0 ? (
        <p>{s.t("admStaffNone")}</p>
      ) : (
        <ul>
          {members.map((m) => (
            <li>
              {m.displayName} (<span dir="ltr">{m.email}</span>)
            </li>
          ))}
        </ul>
      )}
      <h3>{s.t("admStaffInvite")}</h3>
      <p>{s.t("admStaffInviteHint")}</p>
      <form method="post" action={`/coordinator/organisations/${org.id}/staff`} novalidate>
        <Field id="displayName" label={s.t("admStaffName")} errors={errors}>
          {(aria) => <input type="text" id="displayName" name="displayName" maxlength={80} autocomplete="off" value={state.staffForm.displayName} {...aria} />}
        </Field>
        <Field id="email" label={s.t("admStaffEmail")} errors={errors}>
          {(aria) => <input type="email" id="email" name="email" maxlength={254} autocomplete="off" dir="ltr" value={state.staffForm.email} {...aria} />}
        </Field>
        <button class="button" type="submit">
          {s.t("admStaffSave")}
        </button>
      </form>
      <h2 id="keys">{s.t("admKeys")}</h2>
      <p>{s.t("admKeysIntro")}</p>
      {keys.length === 0 ? (
        <p>{s.t("admKeysNone")}</p>
      ) : (
        <ul class="cards">
          {keys.map((k) => (
            <li class="card">
              <h3>{k.name}</h3>
              <p>{s.t("admKeyFacts", { prefix: k.prefix, day: formatDay(k.createdAt, s.locale, view.now) })}</p>
              {k.revokedAt !== null ? (
                <p>{s.t("admKeyRevokedOn", { day: formatDay(k.revokedAt, s.locale, view.now) })}</p>
              ) : (
                <form method="post" action={`/coordinator/organisations/${org.id}/api-keys/${k.id}/revoke`}>
                  <button class="button secondary" type="submit">
                    {s.t("admKeyRevoke", { name: k.name })}
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
      <form method="post" action={`/coordinator/organisations/${org.id}/api-keys`} novalidate>
        <Field id="keyName" label={s.t("admKeyName")} errors={errors}>
          {(aria) => <input type="text" id="keyName" name="keyName" maxlength={80} value={state.keyName} {...aria} />}
        </Field>
        <button class="button" type="submit">
          {s.t("admKeyCreate")}
        </button>
      </form>
    </CoordinatorShell>
  );
}
