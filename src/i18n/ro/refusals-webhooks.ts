// Romanian: refusals of webhooks (English in en/refusals-webhooks.ts). Needs a native speaker's review.
import type { WebhookRefusalWords } from "../en/refusals-webhooks";

export const webhookRefusals_ro: WebhookRefusalWords = {
  no_such_webhook: "Nu găsim acest punct de webhook.",
  no_such_webhook_delivery: "Nu găsim această livrare de webhook.",
  webhook_url_not_allowed: "Adresa unui webhook trebuie să înceapă cu https:// și să ajungă la un server de pe internet, nu într-o rețea privată sau locală.",
};
