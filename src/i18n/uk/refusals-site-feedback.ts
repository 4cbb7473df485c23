// The site feedback refusals in this language (English in en/refusals-site-feedback.ts). Needs a native speaker's review.
import type { SiteFeedbackRefusalWords } from "../en/refusals-site-feedback";

export const siteFeedbackRefusals_uk: SiteFeedbackRefusalWords = {
  sf_nothing_said: "Напишіть, що працює або що можна покращити (або і те, і те).",
  sf_no_feedback: "Відгуку з таким ідентифікатором немає.",
  sf_no_reply_address: "Цей відгук надіслали без адреси електронної пошти, тож відповісти немає кому.",
};
