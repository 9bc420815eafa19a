import type { Backend } from '../backend-types';
import type { CallContext, Logger } from '../context';
import type { Role } from '../../../shared/roles';

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
  logger.info('demo data created', { users: DEMO_USERS.length, password: DEMO_PASSWORD });
}
