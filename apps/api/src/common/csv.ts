/**
 * RFC 4180 CSV for the department's spreadsheets: fields quoted when they contain a comma, a
 * quote or a line break (quotes doubled), lines ended by CRLF. Text that a spreadsheet would run
 * as a formula (=, +, -, @, tab, CR at the start) is prefixed with an apostrophe (OWASP's advice
 * against CSV injection); numbers are written as they are, digit for digit.
 */
export type CsvCell = string | number | bigint | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  let text: string;
  if (typeof value === 'string') text = FORMULA_START.test(value) ? `'${value}` : value;
  else if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
    // Whole amounts must never come out as 1e+21 or 1.5e9.
    text = Number.isInteger(value) ? BigInt(value).toString() : String(value);
  } else text = value.toString();
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly CsvCell[]): string {
  return cells.map(csvField).join(',') + '\r\n';
}

/** The byte-order mark that makes Excel read the file as UTF-8 (Vietnamese diacritics). */
export const UTF8_BOM = '\uFEFF';
