// Faults are logged for operators; secrets never are. A failed statement's error can carry its
// SQL parameters (an outbox row's sign-in or consent link), and a URL can carry a token, so
// everything logged goes through `redactSecrets` first. Plain strings, no node:util: this runs
// on Workers too.

/** Our token shapes, and any long opaque run (a secret or its hash) wherever it appears. */
const SECRET_SHAPES = [/(od_[sk]_)[A-Za-z0-9_-]+/g, /(\/(?:sign-in|consent|calendar-feeds)\/)[A-Za-z0-9_-]+/g, /()[A-Za-z0-9_-]{32,}/g];

function redactSecrets(text: string): string {
  return SECRET_SHAPES.reduce((t, re) => t.replace(re, (_m, keep: string) => `${keep}…`), text);
}

/** An error with its causes, as text, secrets removed. */
function describeFault(err: unknown): string {
  const parts: string[] = [];
  let e: unknown = err;
  for (let depth = 0; e !== undefined && e !== null && depth < 5; depth++) {
    if (!(e instanceof Error)) {
      parts.push(String(e));
      break;
    }
    parts.push(e.stack ?? `${e.name}: ${e.message}`);
    e = e.cause;
  }
  return redactSecrets(parts.join("\ncaused by: "));
}

export function logFault(label: string, err: unknown): void {
  console.error(`[open-door] ${redactSecrets(label)}: ${describeFault(err)}`);
}
