import { randomFillSync } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';

/**
 * Random bytes are drawn 4 KiB at a time: uuid's own source asks the OS-backed generator for 16
 * bytes per id (about 10 us each, a tenth of an imported row's whole budget).
 */
const POOL_BYTES = 4096;
let pool = Buffer.alloc(0);
let offset = POOL_BYTES;
/** The time and counter of the last id: ids made in the same millisecond count up from a random start. */
let lastMs = -Infinity;
let seq = 0;

function randomBytes16(): Buffer {
  if (offset + 16 > pool.length) {
    pool = randomFillSync(Buffer.allocUnsafe(POOL_BYTES));
    offset = 0;
  }
  offset += 16;
  return pool.subarray(offset - 16, offset);
}

/** Record ids: UUIDv7, time-ordered so new rows land at the end of the primary-key index. */
export function newId(): string {
  const random = randomBytes16();
  const now = Date.now();
  if (now > lastMs) {
    lastMs = now;
    // 31 random bits, as uuid's own v7 state starts each millisecond.
    seq = random.readUInt32BE(6) & 0x7fffffff;
  } else {
    seq = (seq + 1) | 0;
    if (seq === 0) lastMs++;
  }
  return uuidv7({ random, msecs: lastMs, seq });
}
