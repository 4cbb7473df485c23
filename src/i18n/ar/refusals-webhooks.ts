// Arabic: refusals of webhooks (English in en/refusals-webhooks.ts). Needs a native speaker's review.
import type { WebhookRefusalWords } from "../en/refusals-webhooks";

export const webhookRefusals_ar: WebhookRefusalWords = {
  no_such_webhook: "لا يمكننا العثور على عنوان الويب هوك هذا.",
  no_such_webhook_delivery: "لا يمكننا العثور على تسليم الويب هوك هذا.",
  webhook_url_not_allowed: "يجب أن يبدأ عنوان الويب هوك بـ https:// وأن يصل إلى خادم على الإنترنت، لا إلى شبكة خاصة أو محلية.",
};
