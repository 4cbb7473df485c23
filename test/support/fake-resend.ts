// A stand-in for Resend's HTTP API on 127.0.0.1, driven through the real Resend SDK. It keeps
// Resend's idempotency rules (same key + same body → the first answer again; same key + a
// different body → 409 invalid_idempotent_request) and fails on demand.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type FakeMode =
  | "up"
  | "server_error"
  | "rate_limited"
  | "validation_error"
  /** Accepts the email, then answers 500: the sender never learns it went. */
  | "lost_response"
  /** Never answers. */
  | "hang";

export interface RecordedRequest {
  method: string;
  path: string;
  idempotencyKey: string | null;
  authorization: string | null;
  body: { to: string[]; subject: string; text: string; html: string; attachments?: { filename: string; content: string; content_type?: string }[] } & Record<string, unknown>;
  answer: number;
  answerName: string;
}

export interface FakeResend {
  url: string;
  mode: FakeMode;
  /** Milliseconds to wait before answering (to make concurrent senders overlap). */
  delayMs: number;
  retryAfterSeconds: number;
  requests: RecordedRequest[];
  /** Emails Resend would actually deliver: one per accepted idempotency key. */
  delivered: { key: string | null; id: string; body: RecordedRequest["body"] }[];
  /** Stops listening: senders get "connection refused" until `start()`. */
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

export async function startFakeResend(): Promise<FakeResend> {
  const accepted = new Map<string, { raw: string; id: string }>();
  const inFlight = new Set<string>();
  const hanging = new Set<ServerResponse>();
  let port = 0;
  let server: Server | null = null;

  const answer = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(JSON.stringify(body));
  };
  const problem = (status: number, name: string, message: string) => ({ statusCode: status, name, message });

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    let raw = "";
    for await (const chunk of req) raw += chunk;
    const key = (req.headers["idempotency-key"] as string | undefined) ?? null;
    const record: RecordedRequest = {
      method: req.method ?? "",
      path: req.url ?? "",
      idempotencyKey: key,
      authorization: (req.headers.authorization as string | undefined) ?? null,
      body: JSON.parse(raw || "{}"),
      answer: 0,
      answerName: "",
    };
    fake.requests.push(record);
    const reply = (status: number, name: string, body: unknown, headers?: Record<string, string>) => {
      record.answer = status;
      record.answerName = name;
      answer(res, status, body, headers);
    };
    if (fake.delayMs) await new Promise((r) => setTimeout(r, fake.delayMs));
    switch (fake.mode) {
      case "hang":
        hanging.add(res);
        return;
      case "server_error":
        return reply(500, "internal_server_error", problem(500, "internal_server_error", "Something broke."));
      case "rate_limited":
        return reply(429, "rate_limit_exceeded", problem(429, "rate_limit_exceeded", "Too many requests."), { "retry-after": String(fake.retryAfterSeconds) });
      case "validation_error":
        return reply(422, "validation_error", problem(422, "validation_error", "The `to` field is invalid."));
    }
    if (key) {
      const earlier = accepted.get(key);
      if (earlier) {
        if (earlier.raw !== raw) return reply(409, "invalid_idempotent_request", problem(409, "invalid_idempotent_request", "Same key, different body."));
        return reply(200, "replayed", { id: earlier.id });
      }
      if (inFlight.has(key)) return reply(409, "concurrent_idempotent_requests", problem(409, "concurrent_idempotent_requests", "Same key in flight."));
      inFlight.add(key);
    }
    const id = `re_${fake.delivered.length + 1}`;
    fake.delivered.push({ key, id, body: record.body });
    if (key) {
      accepted.set(key, { raw, id });
      inFlight.delete(key);
    }
    if (fake.mode === "lost_response") return reply(500, "internal_server_error", problem(500, "internal_server_error", "Lost."));
    reply(200, "accepted", { id });
  };

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      if (server) return resolve();
      server = createServer((req, res) => void handle(req, res));
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        port = (server!.address() as AddressInfo).port;
        resolve();
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const res of hanging) res.destroy();
      hanging.clear();
      if (!server) return resolve();
      server.closeAllConnections();
      server.close(() => resolve());
      server = null;
    });

  await listen();
  const fake: FakeResend = {
    url: `http://127.0.0.1:${port}`,
    mode: "up",
    delayMs: 0,
    retryAfterSeconds: 1,
    requests: [],
    delivered: [],
    stop,
    start: listen,
    close: stop,
  };
  return fake;
}
