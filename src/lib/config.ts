/** Settings read once from the environment (Worker bindings or process.env). */
export interface Config {
  /** Public base URL used in emails and calendar files, without a trailing slash. */
  publicUrl: string;
  coordinatorEmails: string[];
  /** Emails captured in the database and listed at GET /dev/mailbox. */
  devMailbox: boolean;
  resendApiKey?: string;
  resendBaseUrl?: string;
  /** Emails handed to the provider per second, by every dispatcher together (Resend: 5 per team by default). */
  emailSendRate: number;
  emailFrom: string;
  safeguardingEmail: string;
  /** Where the accessibility statement tells people to report problems or ask for other formats. */
  accessibilityEmail: string;
  maxFutureMentoringBookings: number;
  /** Months after a session before attendee personal data is anonymised. */
  retentionMonths: number;
  production: boolean;
  /** Node: how many reverse proxies in front of the server append to X-Forwarded-For (0: none, use the socket). */
  trustedProxyHops: number;
}

export type EnvVars = Record<string, string | undefined>;

const list = (v?: string) =>
  (v ?? "")
    .split(",")
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);

/**
 * A setting that must be a whole number of at least 1. A typo must stop the app at start-up:
 * read with a bare Number(), "two" became NaN and every mentoring booking then failed.
 */
function wholeNumber(env: EnvVars, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if (!/^[1-9][0-9]*$/.test(raw)) throw new Error(`${name} must be a whole number of at least 1 (it is "${raw}").`);
  return Number(raw);
}

/**
 * A Worker sending real email must link to where it is deployed: wrangler.toml's development
 * PUBLIC_URL (http://localhost:8787) would put dead, unencrypted sign-in links in people's inboxes.
 */
function checkPublicUrlForEmail(publicUrl: string): void {
  let url: URL;
  try {
    url = new URL(publicUrl);
  } catch {
    throw new Error(`PUBLIC_URL must be the Worker's https:// address before it sends real email (it is "${publicUrl}").`);
  }
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const local = host === "localhost" || host.endsWith(".localhost") || host === "::1" || host === "0.0.0.0" || /^127\./.test(host);
  if (url.protocol !== "https:" || local) {
    throw new Error(`PUBLIC_URL must be the Worker's https:// address before it sends real email (it is "${publicUrl}").`);
  }
}

/** TRUST_PROXY: a count of proxy hops (0 or more). "yes" or a typo must stop start-up, not trust everything. */
function proxyHops(raw: string | undefined): number {
  const value = raw?.trim();
  if (!value) return 0;
  if (!/^[0-9]$/.test(value)) throw new Error(`TRUST_PROXY must be the number of reverse proxies in front of the server, 0 to 9 (it is "${value}").`);
  return Number(value);
}

export function configFromEnv(env: EnvVars, runtime: "node" | "worker"): Config {
  const production = env.NODE_ENV === "production";
  const devMailbox = !env.RESEND_API_KEY && (runtime === "worker" ? env.DEV_MAILBOX === "1" : !production);
  const publicUrl = (env.PUBLIC_URL ?? "http://localhost:8787").replace(/\/$/, "");
  if (runtime === "worker" && env.RESEND_API_KEY) checkPublicUrlForEmail(publicUrl);
  return {
    publicUrl,
    coordinatorEmails: list(env.COORDINATOR_EMAILS),
    devMailbox,
    resendApiKey: env.RESEND_API_KEY || undefined,
    resendBaseUrl: env.RESEND_BASE_URL || undefined,
    emailSendRate: wholeNumber(env, "EMAIL_SEND_RATE", 4),
    emailFrom: env.EMAIL_FROM ?? "Open Door <bookings@opendoor.example>",
    safeguardingEmail: env.SAFEGUARDING_EMAIL ?? "safeguarding@opendoor.example",
    accessibilityEmail: env.ACCESSIBILITY_EMAIL ?? "accessibility@opendoor.example",
    maxFutureMentoringBookings: wholeNumber(env, "MAX_FUTURE_MENTORING_BOOKINGS", 2),
    retentionMonths: wholeNumber(env, "RETENTION_MONTHS", 24),
    production,
    trustedProxyHops: runtime === "node" ? proxyHops(env.TRUST_PROXY) : 0,
  };
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...configFromEnv({ COORDINATOR_EMAILS: "coordinator@opendoor.test" }, "node"), ...overrides };
}
