// Ukrainian: refusals of webhooks (English in en/refusals-webhooks.ts). Needs a native speaker's review.
import type { WebhookRefusalWords } from "../en/refusals-webhooks";

export const webhookRefusals_uk: WebhookRefusalWords = {
  no_such_webhook: "Ми не можемо знайти цю адресу вебхука.",
  no_such_webhook_delivery: "Ми не можемо знайти цю доставку вебхука.",
  webhook_url_not_allowed: "Адреса вебхука має починатися з https:// і вести до сервера в інтернеті, а не в приватній чи локальній мережі.",
};
