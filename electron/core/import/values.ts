import type { ImportFieldInfo } from './definitions';
import type { ImportReasons } from './reasons';
import { fold } from '../search/text';

/** A row that cannot be imported, and why (the reason column of the rejected rows). */
export class RowError extends Error {}

const TRUE_WORDS = new Set(['1', 'true', 'yes', 'y', 'x', '是', '真', '对']);
const FALSE_WORDS = new Set(['0', 'false', 'no', 'n', '否', '假', '不']);

/** "1,234.50", "$1 234", "1.234,5" (European), "12%" -> a number; null when it is not one. */
export function parseNumber(text: string): number | null {
  let t = text.replace(/[\s\u00a0$€£¥￥%]/g, '').replace(/^\((.*)\)$/, '-$1');
  if (t === '') return null;
  const comma = t.lastIndexOf(',');
  const dot = t.lastIndexOf('.');
  if (comma !== -1 && dot !== -1) t = comma > dot ? t.replace(/\./g, '').replace(',', '.') : t.replace(/,/g, '');
  else if (comma !== -1) t = /,\d{3}(?!\d)/.test(t) && !/,\d{1,2}$/.test(t) ? t.replace(/,/g, '') : t.replace(',', '.');
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** A date the way spreadsheets write them: 2026-03-01, 2026/3/1, 3/1/2026 (month first), 2026年3月1日. */
export function parseDate(text: string): string | null {
  const t = text.trim();
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t);
  if (m) return isoDate(+m[1]!, +m[2]!, +m[3]!);
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (m) return isoDate(+m[3]!, +m[1]!, +m[2]!);
  const parsed = Date.parse(t);
  return Number.isNaN(parsed) ? null : new Date(parsed).toISOString().slice(0, 10);
}

function isoDate(y: number, mo: number, d: number): string | null {
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

function parseTimestamp(text: string): string | null {
  const dateOnly = parseDate(text);
  if (dateOnly && /^\d{4}[-/.年]\d/.test(text.trim()) && !/[T:]/.test(text)) return `${dateOnly}T00:00:00.000Z`;
  const parsed = Date.parse(text.trim());
  return Number.isNaN(parsed) ? null : new Date(parsed).toISOString();
}

/** An enum value by its code or its words, any case: "Former customer" -> former_customer. */
function parseEnum(text: string, values: string[]): string | null {
  const key = fold(text).replace(/[\s-]+/g, '_');
  return values.find((v) => v === key || v.replace(/_/g, '') === key.replace(/_/g, '')) ?? null;
}

/** One cell as the value of its field's kind; throws RowError naming the field, in the import's language. */
export function cellValue(field: ImportFieldInfo, text: string, reasons: ImportReasons): unknown {
  const { messages } = reasons;
  switch (field.kind) {
    case 'int':
    case 'money': {
      const n = parseNumber(text);
      if (n === null) throw reasons.fieldError(field.field, messages.notNumber(text));
      return field.kind === 'int' ? Math.round(n) : n;
    }
    case 'bool': {
      const t = fold(text);
      if (TRUE_WORDS.has(t)) return true;
      if (FALSE_WORDS.has(t)) return false;
      throw reasons.fieldError(field.field, messages.notYesNo(text));
    }
    case 'date': {
      const d = parseDate(text);
      if (!d) throw reasons.fieldError(field.field, messages.notDate(text));
      return d;
    }
    case 'timestamp': {
      const d = parseTimestamp(text);
      if (!d) throw reasons.fieldError(field.field, messages.notDateTime(text));
      return d;
    }
    case 'enum': {
      if (!field.values) return text;
      const v = parseEnum(text, field.values);
      if (!v) throw reasons.fieldError(field.field, messages.notOneOf(text, field.values));
      return v;
    }
    default:
      return text;
  }
}
