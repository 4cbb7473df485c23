// The embedded libSQL driver runs each statement synchronously, so inside one Node process a
// request's reads and writes never interleave with another request's: a read-then-write race
// cannot show up there. On D1 and Turso every statement is a network round trip and other
// requests run meanwhile. This wraps a client so each statement (or batch) first waits a
// random 2–20 ms (a network round trip), giving the same interleaving on a local file.
import type { Client } from "@libsql/client";

const pause = (minMs: number, maxMs: number) => new Promise<void>((resolve) => setTimeout(resolve, minMs + Math.random() * (maxMs - minMs)));

export function withNetworkLatency(client: Client, minMs = 2, maxMs = 20): Client {
  return new Proxy(client, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (prop === "execute" || prop === "batch") {
        return async (...args: unknown[]) => {
          await pause(minMs, maxMs);
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
