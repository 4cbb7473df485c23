// The carousel timetable sent to a school (issue #18): where each of its groups is in each
// round. Pure: everything comes in the payload (written by features/carousels/send-timetables.ts);
// notifications/render.ts attaches the morning's calendar invite the payload carries.
import { translator, type Locale } from "../src/i18n";
import type { RenderedEmail } from "./details";
import { formatDay, formatTime } from "./format";
import { layout, type Fact } from "./layout";

export interface CarouselTimetablePayload {
  title: string;
  startsAt: number;
  endsAt: number;
  venue: string | null;
  url: string;
  groups: { label: string; rows: { round: number; startsAt: number; station: string | null }[] }[];
  /** The invite (METHOD:REQUEST), built when the message was queued. */
  ics: string;
}

/** payload: CarouselTimetablePayload. Sent with invite.ics (REQUEST) for the morning. */
export function carouselTimetable({ locale, payload }: { locale: Locale; payload: Record<string, unknown> }): RenderedEmail {
  const p = payload as unknown as CarouselTimetablePayload;
  const { t } = translator(locale);
  const ampm = { am: t("am"), pm: t("pm") };
  const when = `${formatDay(p.startsAt, locale)}, ${formatTime(p.startsAt, locale, ampm)}–${formatTime(p.endsAt, locale, ampm)}`;
  const groups: Fact[] = p.groups.map((g) => ({
    label: t("carEmailGroup", { group: g.label }),
    lines: g.rows.map((r) =>
      r.station
        ? t("carEmailRound", { round: r.round, from: formatTime(r.startsAt, locale, ampm), station: r.station })
        : t("carEmailRoundFree", { round: r.round, from: formatTime(r.startsAt, locale, ampm) }),
    ),
  }));
  return {
    subject: t("carEmailSubject", { title: p.title }),
    ...layout(
      locale,
      t("carEmailSubject", { title: p.title }),
      [
        { p: t("carEmailIntro", { title: p.title }) },
        { p: t("carEmailWhen", { when }) },
        ...(p.venue ? [{ p: t("carEmailWhere", { where: p.venue }) }] : []),
        { facts: groups },
        { link: { label: t("carTitle"), href: p.url } },
        { small: t("carEmailOutro") },
      ],
      t("siteName"),
    ),
  };
}
