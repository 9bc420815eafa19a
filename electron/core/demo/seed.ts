import type { Backend } from '../backend-types';
import type { CallContext, Logger } from '../context';
import type { Role } from '../../../shared/roles';
import { DEMO_ACTIVITIES, DEMO_COMPANIES, DEMO_PEOPLE } from './sample-data';

/** The password every demo user signs in with (printed when the demo data is made). */
export const DEMO_PASSWORD = 'lantern-demo';

interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  manager?: string;
}

/** A small office: two sales teams (one in Shanghai), support and a read-only accountant. */
const DEMO_USERS: DemoUser[] = [
  { username: 'maria', displayName: 'Maria Lopez', role: 'manager' },
  { username: 'liwei', displayName: '李伟', role: 'manager' },
  { username: 'james', displayName: 'James Carter', role: 'sales', manager: 'maria' },
  { username: 'sofia', displayName: 'Sofia Rossi', role: 'sales', manager: 'maria' },
  { username: 'wangfang', displayName: '王芳', role: 'sales', manager: 'liwei' },
  { username: 'zhangmin', displayName: '张敏', role: 'sales', manager: 'liwei' },
  { username: 'olivia', displayName: 'Olivia Brown', role: 'support' },
  { username: 'chenjing', displayName: '陈静', role: 'support' },
  { username: 'tom', displayName: 'Tom Becker', role: 'readonly' },
];

/**
 * Fills an empty database with sample data through the same dispatch as every client, acting as the
 * first administrator. Does nothing when the office already has data beyond its administrator.
 */
export async function seedDemoData(backend: Backend, logger: Logger): Promise<void> {
  const admin = backend.firstAdminId();
  if (!admin) {
    logger.warn('demo data needs an administrator first: set LANTERN_ADMIN_PASSWORD or finish the first-run page, then restart with --demo');
    return;
  }
  const ctx: CallContext = { token: null, address: 'local', transport: 'system', actAsUserId: admin };
  const existing = await backend.dispatch(ctx, 'users.list', { includeInactive: true });
  if (existing.items.length > 1) {
    logger.info('demo data skipped: the database already has users');
    return;
  }
  const ids = new Map<string, string>();
  for (const user of DEMO_USERS) {
    const created = await backend.dispatch(ctx, 'users.create', {
      username: user.username,
      displayName: user.displayName,
      password: DEMO_PASSWORD,
      role: user.role,
      managerId: user.manager ? ids.get(user.manager) : undefined,
    });
    ids.set(user.username, created.id);
  }
  const counts = await seedCustomers(backend, ids);
  logger.info('demo data created', { users: DEMO_USERS.length, ...counts, password: DEMO_PASSWORD });
}

/** Accounts, their contacts and a history of calls, meetings and tasks, owned by the sales team. */
async function seedCustomers(backend: Backend, userIds: Map<string, string>) {
  const random = seededRandom(42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const sellers = ['james', 'sofia', 'wangfang', 'zhangmin'].map((name) => userIds.get(name)!);
  const as = (userId: string): CallContext => ({ token: null, address: 'local', transport: 'system', actAsUserId: userId });
  let contacts = 0;
  let activities = 0;
  const now = Date.now();
  for (const [index, company] of DEMO_COMPANIES.entries()) {
    // Chinese companies go to the Shanghai team, the others to Maria's.
    const chinese = /\p{Script=Han}/u.test(company.name);
    const owner = chinese ? sellers[2 + (index % 2)]! : sellers[index % 2]!;
    const account = await backend.dispatch(as(owner), 'accounts.create', {
      ...company,
      type: pick(['prospect', 'customer', 'customer', 'partner'] as const),
      annualRevenue: Math.round(random() * 50_000) * 1000,
      employees: Math.round(random() * 2000) + 5,
    });
    const people = DEMO_PEOPLE.filter((p) => /\p{Script=Han}/u.test(p.lastName) === chinese);
    for (let i = 0; i < 3; i++) {
      const person = people[(index * 3 + i) % people.length]!;
      const latin = !chinese;
      const contact = await backend.dispatch(as(owner), 'contacts.create', {
        ...person,
        accountId: account.id,
        email: latin ? `${person.firstName}.${person.lastName}@${(company.website ?? 'example.com').replace(/^https?:\/\//, '')}`.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase() : `contact${index}${i}@example.cn`,
        phone: chinese ? `+86 138 ${String(10000000 + index * 100 + i).slice(0, 4)} ${String(1000 + i * 7)}` : `+1 212 555 ${String(100 + index * 3 + i).padStart(4, '0')}`,
      });
      contacts++;
      for (let j = 0; j < 3; j++) {
        const template = pick(DEMO_ACTIVITIES);
        const dayOffset = Math.round((random() - 0.6) * 30);
        const when = new Date(now + dayOffset * 86_400_000).toISOString();
        const past = dayOffset < 0;
        await backend.dispatch(as(owner), 'activities.create', {
          type: template.type,
          subject: template.subject,
          relatedType: 'contacts',
          relatedId: contact.id,
          ...(template.type === 'task' ? { dueAt: when } : { startAt: when }),
          status: past || template.type === 'note' ? 'done' : 'open',
        });
        activities++;
      }
    }
  }
  return { accounts: DEMO_COMPANIES.length, contacts, activities };
}

/** A small deterministic generator, so every demo database looks the same. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 4294967296;
    return state / 4294967296;
  };
}
