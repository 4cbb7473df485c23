// The site feedback refusals in this language (English in en/refusals-site-feedback.ts). Needs a native speaker's review.
import type { SiteFeedbackRefusalWords } from "../en/refusals-site-feedback";

export const siteFeedbackRefusals_ro: SiteFeedbackRefusalWords = {
  sf_nothing_said: "Scrieți ce funcționează sau ce s-ar putea îmbunătăți (sau amândouă).",
  sf_no_feedback: "Nu există nicio părere cu acest id.",
  sf_no_reply_address: "Această părere a fost trimisă fără adresă de e-mail, așa că nu are cine primi un răspuns.",
};
