// Every language's parts of the catalogue (index.ts says how they merge and fall back). To add a
// part: its file in each locale's folder, then one entry per locale below.
// Node imports this module (src/i18n/catalogues.ts); the Worker does not: its bundle would carry
// every language (issue #19), so it reads the same catalogues from its static assets, which
// src/worker-assets.ts writes from this module at build time (src/i18n/README.md).
import type { Locale } from "../db/schema";
import { lookEn } from "./en/look";
import { lookPl } from "./pl/look";
import { lookRo } from "./ro/look";
import { lookUk } from "./uk/look";
import { lookAr } from "./ar/look";
import { common as commonAr } from "./ar/common";
import { directory_ar } from "./ar/directory";
import { host_ar } from "./ar/host";
import { ar as emailsAr } from "./ar/emails";
import { people_ar } from "./ar/people";
import { problems_ar } from "./ar/problems";
import { ar as siteAr } from "./ar/site";
import { ar as staffAr } from "./ar/staff";
import { common as commonEn } from "./en/common";
import { translationsEn } from "./en/translations";
import { translationsPl } from "./pl/translations";
import { translationsRo } from "./ro/translations";
import { translationsUk } from "./uk/translations";
import { translationsAr } from "./ar/translations";
import { directoryEn } from "./en/directory";
import { hostEn } from "./en/host";
import { en as emailsEn } from "./en/emails";
import { peopleEn } from "./en/people";
import { problemsEn } from "./en/problems";
import { en as siteEn } from "./en/site";
import { staffEn } from "./en/staff";
import { recordEn } from "./en/record";
import { recordPl } from "./pl/record";
import { recordRo } from "./ro/record";
import { recordUk } from "./uk/record";
import { recordAr } from "./ar/record";
import { timebankEn } from "./en/timebank";
import { timebankPl } from "./pl/timebank";
import { timebankRo } from "./ro/timebank";
import { timebankUk } from "./uk/timebank";
import { timebankAr } from "./ar/timebank";
import { carouselEn } from "./en/carousel";
import { adminEn } from "./en/admin";
import { dashboardEn } from "./en/dashboard";
import { dashboardPl } from "./pl/dashboard";
import { dashboardRo } from "./ro/dashboard";
import { dashboardUk } from "./uk/dashboard";
import { dashboardAr } from "./ar/dashboard";
import { adminPl } from "./pl/admin";
import { adminRo } from "./ro/admin";
import { adminUk } from "./uk/admin";
import { adminAr } from "./ar/admin";
import { siteFeedbackEn } from "./en/site-feedback";
import { involveEn } from "./en/involve";
import { familiesEn } from "./en/families";
import { families_pl } from "./pl/families";
import { families_ro } from "./ro/families";
import { families_uk } from "./uk/families";
import { families_ar } from "./ar/families";
import { siteFeedback_pl } from "./pl/site-feedback";
import { involve_pl } from "./pl/involve";
import { siteFeedback_ro } from "./ro/site-feedback";
import { involve_ro } from "./ro/involve";
import { siteFeedback_uk } from "./uk/site-feedback";
import { involve_uk } from "./uk/involve";
import { siteFeedback_ar } from "./ar/site-feedback";
import { involve_ar } from "./ar/involve";
import { carouselPl } from "./pl/carousel";
import { carouselRo } from "./ro/carousel";
import { carouselUk } from "./uk/carousel";
import { carouselAr } from "./ar/carousel";
import { joinEn } from "./en/join";
import { joinPl } from "./pl/join";
import { joinRo } from "./ro/join";
import { joinUk } from "./uk/join";
import { joinAr } from "./ar/join";
import { guardianEn } from "./en/guardian";
import { guardianPl } from "./pl/guardian";
import { guardianRo } from "./ro/guardian";
import { guardianUk } from "./uk/guardian";
import { guardianAr } from "./ar/guardian";
import { common as commonPl } from "./pl/common";
import { directory_pl } from "./pl/directory";
import { host_pl } from "./pl/host";
import { pl as emailsPl } from "./pl/emails";
import { people_pl } from "./pl/people";
import { problems_pl } from "./pl/problems";
import { pl as sitePl } from "./pl/site";
import { pl as staffPl } from "./pl/staff";
import { common as commonRo } from "./ro/common";
import { directory_ro } from "./ro/directory";
import { host_ro } from "./ro/host";
import { ro as emailsRo } from "./ro/emails";
import { people_ro } from "./ro/people";
import { problems_ro } from "./ro/problems";
import { ro as siteRo } from "./ro/site";
import { ro as staffRo } from "./ro/staff";
import { common as commonUk } from "./uk/common";
import { directory_uk } from "./uk/directory";
import { host_uk } from "./uk/host";
import { uk as emailsUk } from "./uk/emails";
import { people_uk } from "./uk/people";
import { problems_uk } from "./uk/problems";
import { uk as siteUk } from "./uk/site";
import { uk as staffUk } from "./uk/staff";
import { webhooksEn } from "./en/webhooks";
import { webhooksPl } from "./pl/webhooks";
import { webhooksRo } from "./ro/webhooks";
import { webhooksUk } from "./uk/webhooks";
import { webhooksAr } from "./ar/webhooks";
import { seriesEn } from "./en/series";
import { seriesPl } from "./pl/series";
import { seriesRo } from "./ro/series";
import { seriesUk } from "./uk/series";
import { seriesAr } from "./ar/series";


/** Every locale's parts, English first; exported for the completeness and collision tests. */
export const PARTS = {
  en: { common: commonEn, emails: emailsEn, site: siteEn, people: peopleEn, staff: staffEn, problems: problemsEn, directory: directoryEn, carousel: carouselEn, join: joinEn, guardian: guardianEn, siteFeedback: siteFeedbackEn, involve: involveEn, families: familiesEn, admin: adminEn, dashboard: dashboardEn, webhooks: webhooksEn, host: hostEn, record: recordEn, translations: translationsEn, timebank: timebankEn, series: seriesEn, look: lookEn },
  pl: { common: commonPl, emails: emailsPl, site: sitePl, people: people_pl, staff: staffPl, problems: problems_pl, directory: directory_pl, carousel: carouselPl, join: joinPl, guardian: guardianPl, siteFeedback: siteFeedback_pl, involve: involve_pl, families: families_pl, admin: adminPl, dashboard: dashboardPl, webhooks: webhooksPl, host: host_pl, record: recordPl, translations: translationsPl, timebank: timebankPl, series: seriesPl, look: lookPl },
  ro: { common: commonRo, emails: emailsRo, site: siteRo, people: people_ro, staff: staffRo, problems: problems_ro, directory: directory_ro, carousel: carouselRo, join: joinRo, guardian: guardianRo, siteFeedback: siteFeedback_ro, involve: involve_ro, families: families_ro, admin: adminRo, dashboard: dashboardRo, webhooks: webhooksRo, host: host_ro, record: recordRo, translations: translationsRo, timebank: timebankRo, series: seriesRo, look: lookRo },
  uk: { common: commonUk, emails: emailsUk, site: siteUk, people: people_uk, staff: staffUk, problems: problems_uk, directory: directory_uk, carousel: carouselUk, join: joinUk, guardian: guardianUk, siteFeedback: siteFeedback_uk, involve: involve_uk, families: families_uk, admin: adminUk, dashboard: dashboardUk, webhooks: webhooksUk, host: host_uk, record: recordUk, translations: translationsUk, timebank: timebankUk, series: seriesUk, look: lookUk },
  ar: { common: commonAr, emails: emailsAr, site: siteAr, people: people_ar, staff: staffAr, problems: problems_ar, directory: directory_ar, carousel: carouselAr, join: joinAr, guardian: guardianAr, siteFeedback: siteFeedback_ar, involve: involve_ar, families: families_ar, admin: adminAr, dashboard: dashboardAr, webhooks: webhooksAr, host: host_ar, record: recordAr, translations: translationsAr, timebank: timebankAr, series: seriesAr, look: lookAr },
} satisfies Record<Locale, Record<string, object>>;

export type EnglishParts = (typeof PARTS)["en"];
export type PartName = keyof EnglishParts;
/** Keys that two different parts both define: `never` while the parts stay apart. */
type Clash = { [A in PartName]: { [B in Exclude<PartName, A>]: Extract<keyof EnglishParts[A], keyof EnglishParts[B]> }[Exclude<PartName, A>] }[PartName];
// Fails to compile, naming the key, when two parts define it: one would silently hide the other.
true satisfies [Clash] extends [never] ? true : `key in two parts: ${Clash}`;

