import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BackupProgress } from '../../shared/schemas/backup-progress';
import { ADMIN_PASSWORD, startTestBackend, type TestBackend } from '../helpers/backend';
import { expectAppError } from '../helpers/expect-error';

const soon = () => new Promise((resolve) => setTimeout(resolve, 2));

/**
 * Settings > Backups shows the steps of a backup and of a restore as they go (minutes for a database
 * of gigabytes), and the server keeps answering meanwhile: the integrity checks read in a worker.
 */
describe('backup and restore progress', () => {
  let t: TestBackend;
  beforeEach(async () => {
    t = await startTestBackend();
  });
  afterEach(() => t.close());

  /** Polls backups.progress as the page does while `work` runs; returns every answer. */
  async function watch<T>(work: Promise<T>, ctx = t.admin): Promise<{ result: T; seen: BackupProgress[] }> {
    const seen: BackupProgress[] = [];
    let finished = false;
    const settled = work.finally(() => (finished = true));
    while (!finished) {
      try {
        seen.push(await t.backend.dispatch(ctx, 'backups.progress', {}));
      } catch {
        break; // a restore ends every session, this one's too
      }
      await soon();
    }
    return { result: await settled, seen };
  }

  it('is idle before any backup, then shows a backup copying and verifying while others keep saving', async () => {
    expect(await t.backend.dispatch(t.admin, 'backups.progress', {})).toMatchObject({ operation: null, state: 'idle', steps: [] });
    for (let i = 0; i < 50; i++) await t.backend.dispatch(t.admin, 'accounts.create', { name: `Account ${i}` });
    const sales = await t.userWithRole('sales');

    const order: string[] = [];
    const running = t.backend.dispatch(t.admin, 'backups.run', {}).then((backup) => (order.push('backup'), backup));
    const { result: backup, seen } = await watch(
      (async () => {
        // While the copy is verified (a minute per 2 GB), another user's save is answered.
        while ((await t.backend.dispatch(t.admin, 'backups.progress', {})).step !== 'verify') await soon();
        await t.backend.dispatch(sales.ctx, 'accounts.create', { name: 'Saved while verifying' });
        order.push('save');
        return running;
      })(),
    );
    expect(backup.status).toBe('ok');
    expect(order).toEqual(['save', 'backup']);
    const during = seen.filter((p) => p.state === 'running');
    expect(during.every((p) => p.operation === 'backup' && p.steps.join() === 'copy,verify')).toBe(true);
    expect(during.map((p) => p.step)).toContain('verify');
    const done = await t.backend.dispatch(t.admin, 'backups.progress', {});
    expect(done).toMatchObject({ operation: 'backup', state: 'done', message: null });
    expect(done.finishedAt).not.toBeNull();
  });

  it('shows the restoring administrator every step of a restore, answered even while the database is closed; no one else', async () => {
    for (let i = 0; i < 20; i++) await t.backend.dispatch(t.admin, 'accounts.create', { name: `Account ${i}` });
    const backup = await t.backend.dispatch(t.admin, 'backups.run', {});
    // A second session of the same administrator (another tab): allowed to stay, but not the one restoring.
    const otherTab = await t.login('admin', ADMIN_PASSWORD);

    let otherTabAsked: Promise<{ code?: string } | null> | null = null;
    const { result, seen } = await watch(
      (async () => {
        const restoring = t.backend.dispatch(t.admin, 'backups.restore', { id: backup.id });
        for (;;) {
          const progress = await t.backend.dispatch(t.admin, 'backups.progress', {});
          if (progress.operation === 'restore' && progress.step !== 'checkBackup') break;
          await soon();
        }
        // Asked from the other tab while the database is swapped: it waits, and its session has ended by then.
        otherTabAsked = t.backend.dispatch(otherTab, 'backups.progress', {}).then(
          () => null,
          (error: { code?: string }) => error,
        );
        return restoring;
      })(),
    );
    expect(result.restored.id).toBe(backup.id);
    const steps = [...new Set(seen.filter((p) => p.operation === 'restore' && p.state === 'running').map((p) => p.step))];
    expect(steps[0]).toBe('checkBackup');
    // Steps inside the swap were answered by the swap itself, in order.
    expect(steps.length).toBeGreaterThan(1);
    const order: BackupProgress['step'][] = ['checkBackup', 'copyAside', 'verifyAside', 'copyIn', 'open'];
    expect(steps).toEqual(order.filter((step) => steps.includes(step)));
    expect(steps).toContain('verifyAside');
    expect(seen.find((p) => p.step === 'verifyAside')).toMatchObject({ state: 'running', steps: order, total: 0 });
    expect((await otherTabAsked!)?.code).toBe('UNAUTHENTICATED');
    // The restore's own session ended with it.
    await expectAppError(t.backend.dispatch(t.admin, 'backups.progress', {}), 'UNAUTHENTICATED');
  });

  it('a restore refused by its checks ends as failed, with the reason, and nothing changed', async () => {
    const backup = await t.backend.dispatch(t.admin, 'backups.run', {});
    writeFileSync(backup.file, 'not a database');
    await expectAppError(t.backend.dispatch(t.admin, 'backups.restore', { id: backup.id }), 'VALIDATION');
    const progress = await t.backend.dispatch(t.admin, 'backups.progress', {});
    expect(progress).toMatchObject({ operation: 'restore', state: 'failed', step: 'checkBackup' });
    expect(progress.message).toMatch(/damaged and was not restored/);
    expect((await t.backend.dispatch(t.admin, 'auth.me', {})).user.username).toBe('admin');
  });
});
