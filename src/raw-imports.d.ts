/** A file imported as text (Vite's `?raw`; a Text module rule in wrangler.toml). */
declare module "*?raw" {
  const text: string;
  export default text;
}
