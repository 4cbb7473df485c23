import { z } from "@hono/zod-openapi";
import { hasUnsafeCharacters } from "./plain-text";

export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: "https://opendoor.example/problems/session-full" }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .openapi("Problem");

const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: ProblemSchema } },
});

/** The error responses a route can give, documented once. */
export const problems = {
  400: problem("Invalid input: `errors` lists each field and why"),
  401: problem("Not signed in, or the token has expired"),
  403: problem("Signed in, but not allowed to do this"),
  404: problem("Not found (or not yours to see)"),
  409: problem("Conflicts with the current state"),
  422: problem("Understood but not allowed"),
  429: problem("Too many requests: see Retry-After"),
};

/** The listed error responses, to spread into a route's `responses`: `...problemsFor(400, 401, 404)`. */
export function problemsFor<C extends keyof typeof problems>(...codes: C[]): Pick<typeof problems, C> {
  return Object.fromEntries(codes.map((c) => [c, problems[c]])) as Pick<typeof problems, C>;
}

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { "application/json": { schema } },
});

export const bearer = [{ bearerAuth: [] }];

/** Headers for a response that carries a secret: no cache keeps it, nor does Idempotency-Key. */
export const NO_STORE = { "cache-control": "no-store" };

export const IdParam = z.object({ id: z.string().min(1).max(64).openapi({ param: { name: "id", in: "path" } }) });

export const Email = z
  .email({ message: "Enter an email address like name@example.com" })
  .max(254)
  .transform((v) => v.trim().toLowerCase());

/** Trimmed text with a length limit, so no field can be used to store megabytes. */
export const Text = (max: number, min = 0) => z.string().trim().min(min).max(max);

/**
 * One line people will read as given: a name or a title. Text, and no control characters (a CR/LF
 * would reach an email Subject, a NUL a register) nor bidirectional overrides (which make a name
 * display as another). Refused with a field error rather than cleaned, so nobody is surprised.
 */
export const Line = (max: number, min = 0) =>
  Text(max, min).refine((v) => !hasUnsafeCharacters(v), { message: "Remove the control or text-direction characters (they can make text read differently)" });

export const Cursor = z.string().max(200).optional();

/**
 * Text written per language (en, pl, ro, uk, ar): English is required and is what every
 * reader falls back to; a translation, when sent, is not empty. Each at most `max` characters.
 */
export const LocalisedTextOf = (max: number, name: string, description: string, minEnglish = 0) =>
  z
    .object({
      en: Text(max, minEnglish),
      pl: Text(max, 1).optional(),
      ro: Text(max, 1).optional(),
      uk: Text(max, 1).optional(),
      ar: Text(max, 1).optional(),
    })
    .strict()
    // English is what every reader falls back to, so a translation never stands without it.
    .refine((v) => v.en !== "" || !(v.pl || v.ro || v.uk || v.ar), { path: ["en"], message: "Write the English text too: readers of other languages fall back to it" })
    .openapi(name, { description: `${description}. Per language: English is required (it is what other languages fall back to), the others optional.` });
