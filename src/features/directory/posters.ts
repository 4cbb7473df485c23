// Which poster a QR code came from: the key printed in its link (/d/<key>), and where it leads.
export type PosterScope = { kind: "all" } | { kind: "category"; id: string } | { kind: "venue"; id: string };
export interface Poster {
  scope: PosterScope;
  format: "a4" | "card";
}

export const posterKey = ({ scope, format }: Poster) => `${scope.kind === "all" ? "all" : scope.kind === "category" ? `cat-${scope.id}` : `ven-${scope.id}`}-${format}`;

export function parsePosterKey(key: string): Poster | null {
  const m = /^(all|cat-([a-z0-9_]{1,40})|ven-([A-Za-z0-9_-]{1,64}))-(a4|card)$/.exec(key);
  if (!m) return null;
  const format = m[4] as Poster["format"];
  if (m[1] === "all") return { scope: { kind: "all" }, format };
  return m[2] ? { scope: { kind: "category", id: m[2] }, format } : { scope: { kind: "venue", id: m[3]! }, format };
}

/** Where a poster's QR code leads once counted. */
export function posterTarget(scope: PosterScope): string {
  if (scope.kind === "all") return "/directory";
  return scope.kind === "category" ? `/directory?category=${encodeURIComponent(scope.id)}` : `/directory?venue=${encodeURIComponent(scope.id)}`;
}

