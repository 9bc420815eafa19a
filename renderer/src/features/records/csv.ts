/**
 * CSV as Excel reads it: RFC 4180 quoting, CRLF line ends, and a UTF-8 byte-order mark (without
 * it Excel guesses a legacy code page and Chinese turns into mojibake). Pure: unit-tested under Node.
 */
export const UTF8_BOM = '\uFEFF';

/**
 * A cell that starts with = @ + - (or a tab / carriage return) is run as a formula by spreadsheet
 * programs ("CSV injection"); a leading apostrophe makes it text. Phone numbers in E.164 start with
 * "+" and are plainly numbers, so they stay as they are.
 */
function defuse(value: string): string {
  if (/^[=@\t\r]/.test(value)) return `'${value}`;
  if (/^[+-]/.test(value) && !/^[+-][\d\s().-]*$/.test(value)) return `'${value}`;
  return value;
}

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = defuse(String(value));
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return UTF8_BOM + rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
