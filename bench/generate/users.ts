import type { Role } from '../../shared/roles';
import type { Db } from '../../electron/core/db/open';
import { hashPassword } from '../../electron/core/services/auth/passwords';
import { insertUser } from '../../electron/core/services/users/repo';
import { personName } from './fake';
import { REFERENCE_TIME, TABLE_TAG, iso, recordId } from './ids';
import type { Prng } from './prng';

/** Every generated user signs in with this (the benchmark logs in as some of them). */
export const BENCH_PASSWORD = 'bench-password';
export const BENCH_ADMIN = 'admin';

const MANAGERS = 5;
const SALES_PER_MANAGER = 8;
/** The last teams work from the Shanghai office: Chinese names. */
const CHINESE_TEAMS = 2;

export interface BenchUsers {
  /** Managers by username, in team order. */
  managers: string[];
  /** Sales users by username, busiest first (sales[0] owns the most records). */
  sales: string[];
  support: string[];
  readonly: string[];
}

export interface OwnerPool {
  users: BenchUsers;
  /** User ids that own records, with how much each owns (sales users skewed, managers a little). */
  ownerIds: string[];
  ownerWeights: number[];
}

/**
 * An office of 5 managers with 8 sales users each, plus support and read-only staff, inserted with
 * the app's own user repository. One password hash serves everyone: hashing 45 times would only
 * make the smoke run slower.
 */
export async function createBenchUsers(db: Db, random: Prng): Promise<OwnerPool> {
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const adminId = db.prepare("SELECT id FROM users WHERE username = ?").pluck().get(BENCH_ADMIN) as string;
  const taken = new Set<string>([BENCH_ADMIN]);
  let index = 0;
  const add = (role: Role, managerId: string | null, chinese: boolean) => {
    const name = personName(random, chinese);
    let username = name.handle;
    for (let n = 2; taken.has(username); n++) username = `${name.handle}${n}`;
    taken.add(username);
    // Just before the reference time: the office installed Lantern then and brought its history in.
    // (Older users would start the licence trial years ago, and the trial would be long over.)
    const at = iso(REFERENCE_TIME - 60_000 + index * 100);
    const id = recordId(TABLE_TAG.users, index++, Date.parse(at));
    insertUser(db, { id, username, displayName: name.displayName, passwordHash, role, managerId, createdBy: adminId, now: at });
    return { id, username };
  };

  const users: BenchUsers = { managers: [], sales: [], support: [], readonly: [] };
  const sales: { id: string; username: string }[] = [];
  const managerIds: string[] = [];
  db.transaction(() => {
    for (let m = 0; m < MANAGERS; m++) {
      const chinese = m >= MANAGERS - CHINESE_TEAMS;
      const manager = add('manager', null, chinese);
      users.managers.push(manager.username);
      managerIds.push(manager.id);
      for (let s = 0; s < SALES_PER_MANAGER; s++) sales.push(add('sales', manager.id, chinese));
    }
    users.support.push(add('support', null, false).username, add('support', null, true).username);
    users.readonly.push(add('readonly', null, false).username);
  })();

  // Some sellers have far more customers than others (a Zipf-like spread): the busiest user's lists
  // are the heavy case. Shuffle first so the busiest is not always the first team's first member.
  for (let i = sales.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [sales[i], sales[j]] = [sales[j]!, sales[i]!];
  }
  users.sales = sales.map((user) => user.username);
  return {
    users,
    ownerIds: [...sales.map((user) => user.id), ...managerIds],
    ownerWeights: [...sales.map((_, rank) => 1 / (rank + 1) ** 0.7), ...managerIds.map(() => 0.05)],
  };
}
