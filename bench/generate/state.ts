import { TABLE_TAG, createdAtMs, recordId } from './ids';
import { Prng, WeightedPick } from './prng';
import type { OwnerPool } from './users';

export interface Counts {
  accounts: number;
  contacts: number;
  activities: number;
}

/** A generated row that went to the recycle bin: the bin needs an entry so it can come back. */
export interface DeletedRow {
  table: string;
  id: string;
  title: string;
  at: string;
  by: string;
}

/**
 * What later tables need to know about earlier rows, kept in typed arrays (a few bytes a row) so
 * generating 3 million rows does not hold 3 million objects: ids are recomputed from the index.
 */
export class GenState {
  readonly owners: WeightedPick<number>;
  readonly accountOwner: Uint16Array;
  readonly accountCity: Uint8Array;
  readonly accountDomain: string[];
  readonly contactOwner: Uint16Array;
  readonly deleted: DeletedRow[] = [];

  constructor(
    readonly counts: Counts,
    readonly pool: OwnerPool,
    readonly seed: number,
  ) {
    this.owners = new WeightedPick(
      pool.ownerIds.map((_, i) => i),
      pool.ownerWeights,
    );
    this.accountOwner = new Uint16Array(counts.accounts);
    this.accountCity = new Uint8Array(counts.accounts);
    this.accountDomain = new Array<string>(counts.accounts);
    this.contactOwner = new Uint16Array(counts.contacts);
  }

  /** One independent random stream per table, so changing one generator leaves the others' data alone. */
  random(tag: number): Prng {
    return new Prng(this.seed ^ (tag * 0x9e3779b1));
  }

  ownerId(ownerIndex: number): string {
    return this.pool.ownerIds[ownerIndex]!;
  }

  accountId(index: number): string {
    return recordId(TABLE_TAG.accounts, index, createdAtMs(TABLE_TAG.accounts, index, this.counts.accounts));
  }

  contactId(index: number): string {
    return recordId(TABLE_TAG.contacts, index, createdAtMs(TABLE_TAG.contacts, index, this.counts.contacts));
  }

  /** An index in [0, count) among rows created before row `index` of a table of `of` rows: links point back in time. */
  earlier(random: Prng, index: number, of: number, count: number): number {
    const limit = Math.max(1, Math.min(count, Math.ceil(((index + 1) * count) / of)));
    return Math.floor(random.next() * limit);
  }
}

/**
 * When a row was last saved: 40% never since creation; the others mostly soon after it, some much
 * later (what the "recently updated" sort shows first).
 */
export function updatedAtMs(random: Prng, created: number, reference: number): number {
  if (random.chance(0.4)) return created;
  return created + 60_000 + Math.floor((reference - created - 60_000) * random.next() ** 4);
}
