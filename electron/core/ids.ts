import { v7 as uuidv7 } from 'uuid';

/** Record ids: UUIDv7, time-ordered so new rows land at the end of the primary-key index. */
export function newId(): string {
  return uuidv7();
}
