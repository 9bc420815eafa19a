import { randomInt, timingSafeEqual } from 'node:crypto';

/** No 0/O or 1/I/L: the code is read off a console and typed by hand. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/**
 * The one-time code that guards the first-run page of the office server: until an administrator
 * exists, anyone on the LAN could otherwise claim the server. The desktop app does not need it.
 */
export class SetupGate {
  readonly code: string | null;

  constructor(required: boolean) {
    this.code = required ? makeCode() : null;
  }

  get required(): boolean {
    return this.code !== null;
  }

  accepts(given: string | undefined): boolean {
    if (this.code === null) return true;
    const normalized = Buffer.from((given ?? '').replace(/[\s-]/g, '').toUpperCase());
    const expected = Buffer.from(this.code.replace(/-/g, ''));
    return normalized.length === expected.length && timingSafeEqual(normalized, expected);
  }
}

function makeCode(): string {
  const chars = Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}
