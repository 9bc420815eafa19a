import { AppError } from '../../../shared/errors';

interface CursorData {
  /** The sort the cursor was made for; reusing it with another sort would skip or repeat rows. */
  s: string;
  d: 'asc' | 'desc';
  /** The sort values of the last row of the page, then its id. */
  v: unknown[];
}

export function encodeCursor(data: CursorData): string {
  return Buffer.from(JSON.stringify(data)).toString('base64url');
}

export function decodeCursor(cursor: string, sort: string, dir: 'asc' | 'desc', width: number): unknown[] {
  let data: CursorData;
  try {
    data = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as CursorData;
  } catch {
    throw badCursor();
  }
  if (data?.s !== sort || data.d !== dir || !Array.isArray(data.v) || data.v.length !== width) throw badCursor();
  if (!data.v.every((value) => value === null || ['string', 'number'].includes(typeof value))) throw badCursor();
  return data.v;
}

function badCursor(): AppError {
  return new AppError('VALIDATION', 'The cursor does not belong to this list (its sort changed). Start again from the first page.', [
    { path: 'cursor', message: 'Not a cursor of this list' },
  ]);
}
