// The feedback form (reached from every page's footer), its thank-you page, the programme's
// "you said, we did" page and the coordinators' inbox. No script, no third-party anything.
import { LOCALE_NAMES, LOCALES, pickLocalised, type Locale } from "../../i18n";
import type { SiteFeedbackRow } from "../../features/site-feedback/schemas";
import { REPLY_MAX, WORDS_MAX } from "../../features/site-feedback/schemas";
import type { SiteFeedbackStatus } from "../../db/schema";
import { formatDay } from "../format";
import { Layout, Localised } from "../layout";
import { CoordinatorShell } from "../staff/pages/coordinator-shell";
import { ErrorSummary, Field, Notice, type FormErrors } from "../staff/ui";
import type { View } from "../view";

export interface FeedbackForm {
  page: string;
  whatWorks: string;
  toImprove: string;
  email: string;
}

/** Why the form is shown again: a person who was quick, a form left open, a filled hidden box. */
export type Held = "too_fast" | "stale" | "honeypot" | null;

export function FeedbackFormPage({ view, form, token, errors, held }: { view: View; form: FeedbackForm; token: string; errors: FormErrors; held: Held }) {
  const { t } = view;
  const title = held === "honeypot" ? t.t("sfHoneypotTitle") : held ? t.t("sfTooFastTitle") : t.t("sfTitle");
  return (
    <Layout view={view} title={title}>
      <h1>{title}</h1>
      {held && <Notice>{t.t(held === "honeypot" ? "sfHoneypotBody" : held === "stale" ? "sfStaleBody" : "sfTooFastBody")}</Notice>}
      <ErrorSummary view={view} errors={errors} order={["whatWorks", "email"]} />
      <p>{t.t("sfIntro")}</p>
      <p class="meta">{t.t("sfAbout", { page: form.page })}</p>
      <form method="post" action="/feedback">
        <input type="hidden" name="page" value={form.page} />
        <input type="hidden" name="started" value={token} />
        <Field id="whatWorks" label={t.t("sfWhatWorks")} hint={t.t("sfWordsHint")} errors={errors}>
          {(aria) => (
            <textarea id="whatWorks" name="whatWorks" rows={4} maxlength={WORDS_MAX} {...aria}>
              {form.whatWorks}
            </textarea>
          )}
        </Field>
        <Field id="toImprove" label={t.t("sfToImprove")} errors={errors}>
          {(aria) => (
            <textarea id="toImprove" name="toImprove" rows={4} maxlength={WORDS_MAX} {...aria}>
              {form.toImprove}
            </textarea>
          )}
        </Field>
        <Field id="email" label={t.t("sfEmail")} hint={t.t("sfEmailHint")} errors={errors}>
          {(aria) => <input type="email" id="email" name="email" autocomplete="email" maxlength={254} value={form.email} {...aria} />}
        </Field>
        {/* The honeypot: hidden from people (display: none, so no screen reader or Tab reaches it); scripts fill every box. */}
        <div class="hp">
          <label for="website">{t.t("sfHoneypot")}</label>
          <input type="text" id="website" name="website" tabindex={-1} autocomplete="off" value="" />
        </div>
        <button class="button" type="submit">
          {t.t("sfSend")}
        </button>
      </form>
    </Layout>
  );
}

export function FeedbackThanksPage({ view, page, email }: { view: View; page: string; email: string | null }) {
  const { t } = view;
  return (
    <Layout view={view} title={t.t("sfThanksTitle")}>
      <h1>{t.t("sfThanksTitle")}</h1>
      <p>{t.t("sfThanksBody")}</p>
      {email && <p>{t.t("sfThanksReply", { email })}</p>}
      <ul>
        {!page.includes("…") && (
          <li>
            <a href={page}>{t.t("sfBackToPage")}</a>
          </li>
        )}
        <li>
          <a href="/you-said-we-did">{t.t("yswTitle")}</a>
        </li>
      </ul>
    </Layout>
  );
}

export interface NoteView {
  id: string;
  youSaid: string;
  weDid: string;
  locale: Locale;
  eventId: string | null;
  eventTitle: Record<string, string> | null;
  createdAt: number;
}

/** Text written in another language than the page's is marked so screen readers say it right. */
const langOf = (view: View, locale: Locale) => (locale === view.t.locale ? null : locale);

export function YouSaidWeDidPage({ view, notes }: { view: View; notes: NoteView[] }) {
  const { t } = view;
  return (
    <Layout view={view} title={t.t("yswTitle")}>
      <h1>{t.t("yswTitle")}</h1>
      <p>{t.t("yswPageIntro")}</p>
      {notes.length === 0 ? (
        <p>{t.t("yswEmpty")}</p>
      ) : (
        <ul class="cards">
          {notes.map((n) => {
            const title = n.eventTitle ? pickLocalised(n.eventTitle as { en: string }, t.locale) : null;
            const lang = langOf(view, n.locale);
            return (
              <li class="card">
                <h2>
                  {title ? (
                    <a href={`/events/${n.eventId}`}>
                      <Localised text={title.text} lang={title.lang} />
                    </a>
                  ) : (
                    t.t("yswAboutProgramme")
                  )}
                </h2>
                <p class="meta">{formatDay(n.createdAt, t.locale, view.now)}</p>
                <h3>{t.t("youSaid")}</h3>
                <Localised as="p" text={n.youSaid} lang={lang} />
                <h3>{t.t("weDid")}</h3>
                <Localised as="p" text={n.weDid} lang={lang} />
              </li>
            );
          })}
        </ul>
      )}
    </Layout>
  );
}

const STATUS_WORD = { new: "sfStatusNew", in_hand: "sfStatusInHand", done: "sfStatusDone" } as const;

export function FeedbackInboxPage({ view, status, rows, saved }: { view: View; status: SiteFeedbackStatus; rows: SiteFeedbackRow[]; saved: boolean }) {
  const { t } = view;
  return (
    <CoordinatorShell view={view} title={t.t("sfInboxTitle")}>
      {saved && <Notice>{t.t("sfSaved")}</Notice>}
      <nav aria-label={t.t("sfInboxTitle")}>
        <ul class="links">
          {(["new", "in_hand", "done"] as const).map((s) => (
            <li>
              <a href={`/coordinator/feedback?status=${s}`} {...(s === status ? { "aria-current": "page" as const } : {})}>
                {t.t(STATUS_WORD[s])}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <h2>{t.t(STATUS_WORD[status])}</h2>
      {rows.length === 0 ? (
        <p>{t.t("sfInboxEmpty")}</p>
      ) : (
        <ul class="cards">
          {rows.map((f) => (
            <InboxItem view={view} f={f} />
          ))}
        </ul>
      )}
      <h2>{t.t("yswAddTitle")}</h2>
      <NoteForm view={view} action="/coordinator/you-said-we-did" prefix="programme" youSaid="" />
    </CoordinatorShell>
  );
}

function InboxItem({ view, f }: { view: View; f: SiteFeedbackRow }) {
  const { t } = view;
  const lang = langOf(view, f.locale);
  return (
    <li class="card">
      <h3>{t.t("sfFrom", { page: f.page, language: LOCALE_NAMES[f.locale], date: formatDay(f.createdAt, t.locale, view.now) })}</h3>
      {f.whatWorks && (
        <>
          <h4>{t.t("sfWhatWorks")}</h4>
          <Localised as="p" text={f.whatWorks} lang={lang} />
        </>
      )}
      {f.toImprove && (
        <>
          <h4>{t.t("sfToImprove")}</h4>
          <Localised as="p" text={f.toImprove} lang={lang} />
        </>
      )}
      <p class="meta">
        {f.replyEmail ? t.t("sfWantsReply", { email: f.replyEmail }) : t.t("sfAnonymous")}
        {f.repliedAt !== null && ` · ${t.t("sfReplied", { date: formatDay(f.repliedAt, t.locale, view.now) })}`}
      </p>
      <div class="actions">
        {(["new", "in_hand", "done"] as const)
          .filter((s) => s !== f.status)
          .map((s) => (
            <form method="post" action={`/coordinator/feedback/${f.id}/status`}>
              <input type="hidden" name="status" value={s} />
              <button class="button secondary" type="submit">
                {t.t("sfMoveTo", { status: t.t(STATUS_WORD[s]) })}
              </button>
            </form>
          ))}
      </div>
      {f.replyEmail && (
        <form method="post" action={`/coordinator/feedback/${f.id}/reply`}>
          <div class="field">
            <label for={`reply-${f.id}`}>{t.t("sfReplyLabel")}</label>
            <textarea id={`reply-${f.id}`} name="message" rows={4} maxlength={REPLY_MAX} required></textarea>
          </div>
          <button class="button" type="submit">
            {t.t("sfReplySend")}
          </button>
        </form>
      )}
      <details>
        <summary>{t.t("sfPublishTitle")}</summary>
        <NoteForm view={view} action={`/coordinator/feedback/${f.id}/publish`} prefix={f.id} youSaid={f.toImprove || f.whatWorks} locale={f.locale} />
      </details>
    </li>
  );
}

function NoteForm({ view, action, prefix, youSaid, locale }: { view: View; action: string; prefix: string; youSaid: string; locale?: Locale }) {
  const { t } = view;
  const chosen = locale ?? t.locale;
  return (
    <form method="post" action={action}>
      <div class="field">
        <label for={`said-${prefix}`}>{t.t("youSaid")}</label>
        <textarea id={`said-${prefix}`} name="youSaid" rows={3} maxlength={1000} required>
          {youSaid.slice(0, 1000)}
        </textarea>
      </div>
      <div class="field">
        <label for={`did-${prefix}`}>{t.t("weDid")}</label>
        <textarea id={`did-${prefix}`} name="weDid" rows={3} maxlength={1000} required></textarea>
      </div>
      <div class="field">
        <label for={`lang-${prefix}`}>{t.t("sfNoteLanguage")}</label>
        <select id={`lang-${prefix}`} name="locale">
          {LOCALES.map((l) => (
            <option value={l} selected={l === chosen}>
              {LOCALE_NAMES[l]}
            </option>
          ))}
        </select>
      </div>
      <button class="button" type="submit">
        {t.t("sfPublish")}
      </button>
    </form>
  );
}
