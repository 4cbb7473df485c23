// The site feedback refusals in this language (English in en/refusals-site-feedback.ts). Needs a native speaker's review.
import type { SiteFeedbackRefusalWords } from "../en/refusals-site-feedback";

export const siteFeedbackRefusals_pl: SiteFeedbackRefusalWords = {
  sf_nothing_said: "Napisz, co działa albo co można poprawić (albo jedno i drugie).",
  sf_no_feedback: "Nie ma opinii o tym identyfikatorze.",
  sf_no_reply_address: "Tę opinię wysłano bez adresu e-mail, więc nie ma komu odpowiedzieć.",
};
