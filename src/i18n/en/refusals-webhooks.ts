// English wording of the webhooks' refusals (src/features/webhooks, issue #20). Spread into
// refusalsEn (problems.ts) so `refuse()` type-checks their facts; kept apart so each part of
// the catalogue has one owner.

export const webhookRefusalsEn = {
  no_such_webhook: "We can't find that webhook endpoint.",
  no_such_webhook_delivery: "We can't find that webhook delivery.",
  webhook_url_not_allowed: "A webhook address must start with https:// and reach a server on the internet, not a private or local network.",
} as const;

/** What another locale writes for these lines (English fills any gap). */
export type WebhookRefusalWords = Partial<Record<keyof typeof webhookRefusalsEn, string>>;
