// A port nothing is listening on, for servers that must know their URL before they start
// (PUBLIC_URL, PORT for a child process). Shared by the HTTP tests and bench/startup.ts.
import { createServer } from "node:net";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
