/** A typed amount ("1,250.50") as a number; undefined when it is not one. Negative amounts are refused. */
export function parseMoney(text: string): number | undefined {
  const number = Number(text.replace(/[,\s]/g, ''));
  return Number.isFinite(number) && number >= 0 ? number : undefined;
}

// Deal dates are a record field kind now; the sales pages keep importing it from here.
export { formatDay } from '../records/format';
