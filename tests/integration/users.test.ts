import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestBackend, type TestBackend } from '../helpers/backend';
import { expectAppError } from '../helpers/expect-error';

describe('users and roles', () => {
  let t: TestBackend;
  beforeEach(async () => {
    t = await startTestBackend();
  });
  afterEach(() => t.close());

  it('lets only an administrator create users', async () => {
    const { ctx: manager } = await t.userWithRole('manager');
    const { ctx: readonly } = await t.userWithRole('readonly');
    const input = { username: 'newbie', displayName: 'New Person', password: 'password-123', role: 'sales' };
    await expectAppError(t.backend.dispatch(manager, 'users.create', input), 'FORBIDDEN');
    // Permission is checked before input: a read-only user learns nothing from validation errors.
    await expectAppError(t.backend.dispatch(readonly, 'users.create', {}), 'FORBIDDEN');
    const created = await t.backend.dispatch(t.admin, 'users.create', input);
    expect(created).toMatchObject({ username: 'newbie', role: 'sales', active: true, version: 1 });
  });

  it('names every missing field of an empty create', async () => {
    const error = await expectAppError(t.backend.dispatch(t.admin, 'users.create', {}), 'VALIDATION');
    const paths = (error.details as { path: string }[]).map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['username', 'displayName', 'password', 'role']));
  });

  it('rejects unknown fields and a taken username (case-insensitive)', async () => {
    const error = await expectAppError(
      t.backend.dispatch(t.admin, 'users.create', { username: 'x1', displayName: 'X', password: 'password-123', role: 'sales', isAdmin: true }),
      'VALIDATION',
    );
    expect(error.details).toEqual([{ path: 'isAdmin', message: 'Unknown field' }]);
    await expectAppError(
      t.backend.dispatch(t.admin, 'users.create', { username: 'ADMIN', displayName: 'X', password: 'password-123', role: 'sales' }),
      'CONFLICT',
    );
  });

  it('updates with the version read; a stale version is a CONFLICT and changes nothing', async () => {
    const { id } = await t.userWithRole('sales', 'alice');
    const updated = await t.backend.dispatch(t.admin, 'users.update', { id, version: 1, patch: { displayName: 'Alice A.' } });
    expect(updated.version).toBe(2);
    await expectAppError(t.backend.dispatch(t.admin, 'users.update', { id, version: 1, patch: { displayName: 'Stale' } }), 'CONFLICT');
    const list = await t.backend.dispatch(t.admin, 'users.list', {});
    expect(list.items.find((u) => u.id === id)?.displayName).toBe('Alice A.');
  });

  it('builds teams from managers and refuses reporting cycles', async () => {
    const { id: boss } = await t.userWithRole('manager', 'boss');
    const { id: rep } = await t.userWithRole('sales', 'rep', boss);
    const error = await expectAppError(t.backend.dispatch(t.admin, 'users.update', { id: boss, version: 1, patch: { managerId: rep } }), 'VALIDATION');
    expect(error.details).toEqual([{ path: 'patch.managerId', message: 'Would make a reporting cycle' }]);
  });

  it('never leaves the office without an active administrator', async () => {
    const admin = (await t.backend.dispatch(t.admin, 'auth.me', {})).user;
    await expectAppError(t.backend.dispatch(t.admin, 'users.update', { id: admin.id, version: admin.version, patch: { role: 'sales' } }), 'VALIDATION');
    await expectAppError(t.backend.dispatch(t.admin, 'users.deactivate', { id: admin.id }), 'VALIDATION');
  });

  it('a read-only user can read but not write, and can still change their own password', async () => {
    const { ctx } = await t.userWithRole('readonly', 'reader');
    await expect(t.backend.dispatch(ctx, 'users.list', {})).resolves.toBeTruthy();
    await t.backend.dispatch(ctx, 'auth.changePassword', { currentPassword: 'password-123', newPassword: 'password-456' });
  });

  it('logs every write in the change log and field history, and tells listeners after commit', async () => {
    const events: string[] = [];
    t.backend.onChange((event) => events.push(`${event.table}:${event.op}`));
    const { id } = await t.userWithRole('sales', 'bob');
    await t.backend.dispatch(t.admin, 'users.update', { id, version: 1, patch: { displayName: 'Robert', password: 'password-999' } });
    expect(events).toEqual(['users:create', 'users:update']);
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(t.backend.dbPath, { readonly: true });
    const history = db.prepare('SELECT field, old_value, new_value FROM field_history WHERE record_id = ? ORDER BY field').all(id);
    db.close();
    expect(history).toEqual([
      { field: 'displayName', old_value: '"Test bob"', new_value: '"Robert"' },
      // The password is recorded as changed, never with its value.
      { field: 'password', old_value: null, new_value: null },
    ]);
  });

  it('lets every user change their own name and language, and nothing else', async () => {
    const { ctx } = await t.userWithRole('readonly', 'self');
    const me = await t.backend.dispatch(ctx, 'auth.updateProfile', { displayName: '自己', locale: 'zh-CN' });
    expect(me).toMatchObject({ displayName: '自己', locale: 'zh-CN', role: 'readonly' });
    await expectAppError(t.backend.call(ctx, 'auth.updateProfile', { role: 'admin' }), 'VALIDATION');
  });

  it('answers an unknown method with NOT_FOUND and a missing token with UNAUTHENTICATED', async () => {
    await expectAppError(t.backend.call(t.admin, 'users.explode', {}), 'NOT_FOUND');
    await expectAppError(t.backend.call(t.anonymous, 'users.list', {}), 'UNAUTHENTICATED');
  });
});
