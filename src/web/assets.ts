// Files the site serves itself under /assets (the stylesheet, the check-in scripts): each is
// named by a fingerprint of its content, so browsers keep it for a year and a change is a new name.

/** FNV-1a: a cache-busting fingerprint, not a security measure. */
export function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(36);
}

export const IMMUTABLE = "public, max-age=31536000, immutable";
export const JAVASCRIPT = "text/javascript; charset=utf-8";
export const CSS_TYPE = "text/css; charset=utf-8";
