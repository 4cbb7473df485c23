// Node (tsx, vitest): the stylesheet's text, which the app's route serves (src/web/routes.tsx).
// The Worker carries no copy (its bundle has a size budget, issue #19): package.json "imports"
// gives it, by the "workerd" condition, a module src/worker-assets.ts generates before each build
// with the same CSS_PATH and no text, and Cloudflare serves the file from its static assets.
import { CSS_PATH, SITE_CSS } from "../style";

export { CSS_PATH };
/** What the route at CSS_PATH serves; null where the platform serves the file (the Worker). */
export const STYLESHEET: string | null = SITE_CSS;
