import { writeFileSync } from 'node:fs';

/** One line of `--json` output (API.md): runs can be compared over time by name. */
export interface BenchResult {
  name: string;
  rows: number;
  n: number;
  p50_ms: number;
  p95_ms: number;
  max_ms: number;
  per_s?: number;
  rss_mb?: number;
}

/** A result with the target, for the table's verdict column, and its CPU-time p95. */
export interface Scored {
  result: BenchResult;
  targetP95Ms?: number;
  cpuP95Ms?: number;
}

const COLUMNS: { title: string; width: number; cell(row: Scored): string }[] = [
  { title: 'case', width: 58, cell: ({ result }) => result.name },
  { title: 'rows', width: 10, cell: ({ result }) => result.rows.toLocaleString('en-US') },
  { title: 'n', width: 5, cell: ({ result }) => String(result.n) },
  { title: 'p50 ms', width: 8, cell: ({ result }) => result.p50_ms.toFixed(2) },
  { title: 'p95 ms', width: 8, cell: ({ result }) => result.p95_ms.toFixed(2) },
  { title: 'max ms', width: 8, cell: ({ result }) => result.max_ms.toFixed(2) },
  { title: 'cpu p95', width: 8, cell: ({ cpuP95Ms }) => (cpuP95Ms === undefined ? '' : cpuP95Ms.toFixed(2)) },
  { title: 'per s', width: 8, cell: ({ result }) => (result.per_s === undefined ? '' : result.per_s.toFixed(0)) },
  { title: 'rss MB', width: 7, cell: ({ result }) => (result.rss_mb === undefined ? '' : result.rss_mb.toFixed(0)) },
  { title: 'target', width: 14, cell: verdict },
];

/** "ok <= 20" or "MISS > 20" against the p95 target; blank when the issue names none. */
export function verdict({ result, targetP95Ms }: Scored): string {
  if (targetP95Ms === undefined) return '';
  return result.p95_ms <= targetP95Ms ? `ok <= ${targetP95Ms}` : `MISS > ${targetP95Ms}`;
}

export function tableHeader(): string {
  const head = COLUMNS.map((column, i) => (i === 0 ? column.title.padEnd(column.width) : column.title.padStart(column.width))).join(' ');
  return `${head}\n${'-'.repeat(head.length)}`;
}

export function tableRow(row: Scored): string {
  return COLUMNS.map((column, i) => {
    const text = column.cell(row);
    const clipped = text.length > column.width ? `${text.slice(0, column.width - 1)}…` : text;
    return i === 0 ? clipped.padEnd(column.width) : clipped.padStart(column.width);
  }).join(' ');
}

export function writeJson(file: string, results: BenchResult[]): void {
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
}
