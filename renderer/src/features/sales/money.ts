/** A typed amount ("1,250.50") as a number; undefined when it is not one. Negative amounts are refused. */
export function parseMoney(text: string): number | undefined {
  const number = Number(text.replace(/[,\s]/g, ''));
  return Number.isFinite(number) && number >= 0 ? number : undefined;
}

/** A calendar date ("2026-12-31") in the UI's language; read as a day, never shifted by the time zone. */
export function formatDay(value: string | null | undefined, language: string): string {
  if (!value) return '';
  const date = new Date(`${value.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? value : new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}
