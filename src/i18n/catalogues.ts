// Node (the server, tsx, vitest): every language's catalogue, imported with the code. The Worker
// reads the same catalogues from its static assets instead (catalogues-worker.ts); package.json
// "imports" picks one by the "workerd" condition (index.ts).
import type { Catalogue, Catalogues, Messages } from "./index";
import { PARTS } from "./parts";

/** A locale's parts merged into one catalogue (the collision check in parts.ts keeps keys apart). */
const merge = (parts: Record<string, object>) => Object.assign({}, ...Object.values(parts)) as Catalogue;

/** Every locale's catalogue, built from the parts: what Node serves and what the Worker's assets hold. */
export const mergedCatalogues = (): Catalogues => ({
  en: merge(PARTS.en) as Messages,
  pl: merge(PARTS.pl),
  ro: merge(PARTS.ro),
  uk: merge(PARTS.uk),
  ar: merge(PARTS.ar),
});

// Built once when the module loads and never changed: the words are part of the code here.
const CATALOGUES = mergedCatalogues();

export const catalogues = (): Catalogues => CATALOGUES;
