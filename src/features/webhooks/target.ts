// Where a webhook may be sent. Organisations type the address, so without a check an endpoint
// could make the server call its own loopback, the cloud metadata address or a machine on a
// private network (SSRF). The name is resolved and every address it gives is checked just
// before each delivery (a name can be repointed after registration), and redirects are never
// followed (deliver.ts). A development deployment (the development mailbox on) may call
// local receivers, for trying integrations on a laptop and for the tests.

/** Answers a host name's A and AAAA addresses (Deps.resolveHost; DNS over HTTPS by default). */
export type ResolveHost = (host: string) => Promise<string[]>;

/** DNS over HTTPS (RFC 8484 JSON): the same on Node and on Workers, which have no resolver API. */
export const resolveOverHttps: ResolveHost = async (host) => {
  const answers = await Promise.all(
    ["A", "AAAA"].map(async (type) => {
      const res = await fetch(`https://cloudflare-dns.com/dns-query?name=${encodeURIComponent(host)}&type=${type}`, {
        headers: { accept: "application/dns-json" },
        signal: AbortSignal.timeout(3000),
      });
      if (!res.ok) throw new Error(`DNS lookup for ${host} answered ${res.status}`);
      const body = (await res.json()) as { Answer?: { type: number; data: string }[] };
      return (body.Answer ?? []).filter((a) => a.type === 1 || a.type === 28).map((a) => a.data);
    }),
  );
  return answers.flat();
};

function ipv4Private(ip: string): boolean {
  const p = ip.split(".").map(Number);
  if (p.length !== 4 || p.some((n) => !Number.isInteger(n) || n < 0 || n > 255)) return true;
  const [a, b] = p as [number, number, number, number];
  return (
    a === 0 || a === 10 || a === 127 || a >= 224 || // this network, private, loopback, multicast and reserved
    (a === 100 && b >= 64 && b < 128) || // carrier-grade NAT
    (a === 169 && b === 254) || // link-local, the cloud metadata address
    (a === 172 && b >= 16 && b < 32) ||
    (a === 192 && b === 168) ||
    (a === 192 && b === 0) || // IETF protocol assignments
    (a === 198 && (b === 18 || b === 19)) // benchmarking
  );
}

/** True for an address no internet server has: loopback, private, link-local, reserved. */
export function isPrivateAddress(address: string): boolean {
  const ip = address.replace(/^\[|\]$/g, "").toLowerCase();
  if (/^\d+\.\d+\.\d+\.\d+$/.test(ip)) return ipv4Private(ip);
  if (!ip.includes(":")) return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(ip);
  if (mapped) return ipv4Private(mapped[1]!);
  if (ip === "::" || ip === "::1") return true;
  return /^(f[cd]|fe[89ab])/.test(ip) || ip.startsWith("::ffff:") || ip.startsWith("64:ff9b:") || ip.startsWith("2001:db8:");
}

const LOCAL_NAMES = /(^|\.)(localhost|local|internal|home\.arpa)$/i;

/** Why an address may not receive webhooks, or null when it may. */
export async function refusedTarget(rawUrl: string, options: { allowPrivate: boolean; resolveHost: ResolveHost }): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return "not a URL";
  }
  if (url.username || url.password) return "credentials in the URL";
  if (options.allowPrivate) return url.protocol === "https:" || url.protocol === "http:" ? null : "not http(s)";
  if (url.protocol !== "https:") return "not https";
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (/^[\d.]+$/.test(host) || host.includes(":")) return isPrivateAddress(host) ? "a private or local address" : null;
  if (LOCAL_NAMES.test(host) || !host.includes(".")) return "a local name";
  let addresses: string[];
  try {
    addresses = await options.resolveHost(host);
  } catch (err) {
    return `the name did not resolve (${err instanceof Error ? err.message : String(err)})`;
  }
  if (addresses.length === 0) return "the name did not resolve";
  return addresses.some(isPrivateAddress) ? "the name points at a private or local address" : null;
}
