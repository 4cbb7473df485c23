import { stringify } from "csv-stringify/sync";

/**
 * CSV for spreadsheets. `escape_formulas` puts an apostrophe before any cell that starts with
 * = + - @ tab or CR, so a name typed as `=HYPERLINK(...)` shows as text instead of running
 * when a host opens the file (CSV/formula injection). Numbers are left alone. The byte-order
 * mark makes Excel read UTF-8, so Polish, Romanian, Ukrainian and Arabic names survive.
 */
export function toCsv(header: string[], rows: (string | number | null)[][]): string {
  // A lone CR or LF is quoted too, so no reader can take it for the end of a row.
  return stringify([header, ...rows], { bom: true, escape_formulas: true, record_delimiter: "windows", quoted_match: /[\r\n]/ });
}

export function csvResponseHeaders(filename: string): Record<string, string> {
  return {
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, "_")}"`,
    "cache-control": "private, no-store",
  };
}
