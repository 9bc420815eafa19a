import { createBackend, type Backend, type BackendOptions } from '../../electron/core/backend';
import type { CallContext, Clock } from '../../electron/core/context';
import { silentLogger } from '../../electron/core/context';
import type { Role } from '../../shared/roles';
import { issueTestLicence, TEST_PUBLIC_KEYS } from './licence';
import { makeTempDir } from './temp';

export const ADMIN_PASSWORD = 'correct horse battery';

/** A clock tests can move forward (session expiry, rate-limit windows). */
export class TestClock implements Clock {
  constructor(private current = new Date('2026-11-26T09:00:00.000Z')) {}
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export interface TestBackend {
  backend: Backend;
  dataDir: string;
  clock: TestClock;
  /** Sign in and get a context that calls as that user. */
  login(username: string, password: string, address?: string): Promise<CallContext>;
  /** Create a user as the admin and return a context signed in as them. */
  userWithRole(role: Role, username?: string, managerId?: string): Promise<{ ctx: CallContext; id: string }>;
  admin: CallContext;
  anonymous: CallContext;
  close(): void;
}

let counter = 0;

/**
 * A real backend on a real database file in a temp folder, with an administrator signed in. It runs
 * on a 100-seat licence signed with the tests-only key, unless `licence: 'trial'` asks for the
 * 30-day, 3-seat trial of a fresh installation.
 */
export async function startTestBackend(options: Partial<BackendOptions> & { licence?: 'trial' } = {}): Promise<TestBackend> {
  const { licence, ...backendOptions } = options;
  const temp = makeTempDir();
  const clock = new TestClock();
  const backend = await createBackend({
    dataDir: temp.dir,
    logger: silentLogger,
    clock,
    requireSetupCode: false,
    firstAdmin: { username: 'admin', password: ADMIN_PASSWORD },
    licencePublicKeys: TEST_PUBLIC_KEYS,
    ...backendOptions,
  });
  const anonymous: CallContext = { token: null, address: '10.0.0.1', transport: 'test' };
  const login = async (username: string, password: string, address = '10.0.0.1'): Promise<CallContext> => {
    const session = await backend.dispatch({ ...anonymous, address }, 'auth.login', { username, password });
    return { token: session.token, address, transport: 'test' };
  };
  const admin = await login('admin', ADMIN_PASSWORD);
  if (licence !== 'trial') await backend.dispatch(admin, 'licence.install', { text: issueTestLicence() });
  return {
    backend,
    dataDir: temp.dir,
    clock,
    admin,
    anonymous,
    login,
    async userWithRole(role, username = `${role}${++counter}`, managerId) {
      const user = await backend.dispatch(admin, 'users.create', {
        username,
        displayName: `Test ${username}`,
        password: 'password-123',
        role,
        managerId,
      });
      return { ctx: await login(username, 'password-123'), id: user.id };
    },
    close() {
      backend.close();
      temp.cleanup();
    },
  };
}
