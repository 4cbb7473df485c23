// Polish: refusals of webhooks (English in en/refusals-webhooks.ts). Needs a native speaker's review.
import type { WebhookRefusalWords } from "../en/refusals-webhooks";

export const webhookRefusals_pl: WebhookRefusalWords = {
  no_such_webhook: "Nie możemy znaleźć tego adresu webhooka.",
  no_such_webhook_delivery: "Nie możemy znaleźć tej dostawy webhooka.",
  webhook_url_not_allowed: "Adres webhooka musi zaczynać się od https:// i prowadzić do serwera w internecie, a nie w sieci prywatnej lub lokalnej.",
};
