import Papa from 'papaparse';

/**
 * CSV reading in blocks: the text is cut at record boundaries (a quote-aware scan) and each block
 * is parsed on its own, so rows are produced a block at a time, never all at once.
 */

/** The delimiter of the header line: comma, semicolon (European Excel) or tab, whichever it has most of. */
export function detectDelimiter(text: string): string {
  const end = text.indexOf('\n');
  const header = end === -1 ? text : text.slice(0, end);
  let best = ',';
  let bestCount = 0;
  for (const candidate of [',', ';', '\t', '|']) {
    const count = header.split(candidate).length - 1;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

/** The offset just past the end of the record that starts at `from` (newline outside quotes), or the text's length. */
function recordEnd(text: string, from: number): number {
  let quoted = false;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (c === 10 && !quoted) return i + 1;
  }
  return text.length;
}

/** Data records in the text (the header not counted, blank lines not counted). */
export function countRecords(text: string): number {
  let count = 0;
  let quoted = false;
  let blank = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    if (c === 10 && !quoted) {
      if (!blank) count++;
      blank = true;
    } else if (c !== 13 && c !== 32 && c !== 9) blank = false;
  }
  if (!blank) count++;
  return Math.max(0, count - 1);
}

function parseBlock(block: string, delimiter: string): string[][] {
  const result = Papa.parse<string[]>(block, { delimiter, skipEmptyLines: 'greedy' });
  return result.data;
}

export interface CsvReader {
  headers: string[];
  delimiter: string;
  /** The next rows (at most `count`), each with its record number (1 = the first data row); empty at the end. */
  next(count: number): { row: string[]; record: number }[];
}

export function openCsv(text: string): CsvReader {
  const delimiter = detectDelimiter(text);
  let offset = 0;
  let headers: string[] = [];
  while (offset < text.length && headers.length === 0) {
    const end = recordEnd(text, offset);
    headers = (parseBlock(text.slice(offset, end), delimiter)[0] ?? []).map((h) => h.trim());
    offset = end;
  }
  let record = 0;
  return {
    headers,
    delimiter,
    next(count) {
      const out: { row: string[]; record: number }[] = [];
      while (out.length < count && offset < text.length) {
        let end = offset;
        for (let i = 0; i < count - out.length && end < text.length; i++) end = recordEnd(text, end);
        for (const row of parseBlock(text.slice(offset, end), delimiter)) out.push({ row, record: ++record });
        offset = end;
      }
      return out;
    },
  };
}

/** One CSV line: quoted when it has to be; a leading = + - @ is defused so Excel does not run it as a formula. */
export function csvLine(cells: readonly unknown[], delimiter = ','): string {
  return `${cells.map((cell) => csvCell(cell, delimiter)).join(delimiter)}\r\n`;
}

/** = + - @ (char codes): a cell starting with one is a formula to Excel. */
const FORMULA_START = new Set([61, 43, 45, 64]);

/** One cell as csvLine writes it: the one place the quoting and formula-guard rules live. */
export function csvCell(value: unknown, delimiter = ','): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'string' ? value : String(value);
  // Checked by character code first: this runs for every cell of a million-row export.
  if (FORMULA_START.has(text.charCodeAt(0)) && typeof value === 'string' && !/^[-+]?\d/.test(text)) text = `'${text}`;
  return text.includes('"') || text.includes(delimiter) || text.includes('\n') || text.includes('\r') ? `"${text.replace(/"/g, '""')}"` : text;
}
