import type { Db } from '../../db/open';
import type { CallContext, Clock, Logger } from '../../context';

interface JobDeps {
  call(ctx: CallContext, method: string, input: unknown): Promise<unknown>;
  /** The user the jobs act as (the oldest active administrator), or null before there is one. */
  actAs(): string | null;
  clock: Clock;
  logger: Logger;
  /** How often to look for due work (default 15 s). */
  tickMs?: number;
}

interface MailboxStatus {
  id: string;
  enabled: boolean;
  pollSeconds: number;
  status: { lastPollAt: string | null };
}

/**
 * The service desk's background work: polls each enabled mailbox when its interval is up and scans
 * the watched folder. Everything goes through dispatch as the system (acting as an administrator),
 * so it is checked, logged and published like any call. Timers are unref'd: they never keep a
 * process alive on their own.
 */
export function startServiceJobs(deps: JobDeps): { stop(): void } {
  let busy = false;
  let stopped = false;
  const tick = async () => {
    const userId = deps.actAs();
    if (busy || stopped || !userId) return;
    busy = true;
    const ctx: CallContext = { token: null, address: 'local', transport: 'system', actAsUserId: userId };
    try {
      const { items } = (await deps.call(ctx, 'mailboxes.list', {})) as { items: MailboxStatus[] };
      const now = deps.clock.now().getTime();
      for (const mailbox of items) {
        if (stopped) return;
        const last = mailbox.status.lastPollAt ? Date.parse(mailbox.status.lastPollAt) : 0;
        if (mailbox.enabled && now - last >= mailbox.pollSeconds * 1000) await deps.call(ctx, 'mailboxes.pollNow', { id: mailbox.id });
      }
      if (!stopped) await deps.call(ctx, 'mailboxes.scanFolder', {});
    } catch (error) {
      deps.logger.warn('service background job failed', { error: error instanceof Error ? error.message : String(error) });
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void tick(), deps.tickMs ?? 15_000);
  timer.unref();
  return {
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}

/** The user background jobs act as: the oldest active administrator. */
export function oldestActiveAdmin(db: Db): string | null {
  return (db.prepare("SELECT id FROM users WHERE role = 'admin' AND active = 1 ORDER BY created_at, id LIMIT 1").pluck().get() as string | undefined) ?? null;
}
