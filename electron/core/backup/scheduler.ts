import type { Backup } from '../../../shared/schemas/admin';
import type { Clock, Logger } from '../context';
import type { BackupService } from './backup-service';

/** A "daily" backup is due once the last one is this old (an hour short of a day: checks run hourly). */
const DUE_AFTER_MS = 23 * 60 * 60 * 1000;
/** The first check waits a little after start, so a server restarted in a loop does not back up each time. */
const FIRST_CHECK_MS = 5 * 60 * 1000;
const CHECK_EVERY_MS = 60 * 60 * 1000;

/** Whether a scheduled backup is due, from the time of the last good one (pure). */
export function scheduledBackupDue(lastGoodAt: string | null, now: Date): boolean {
  return lastGoodAt === null || now.getTime() - Date.parse(lastGoodAt) >= DUE_AFTER_MS;
}

/**
 * Runs the daily backup in the process that owns the database (office server or desktop app):
 * checks hourly whether one is due, takes it, records it and prunes by retention. Timers are unref'd
 * so they never keep a process alive, and a check never overlaps the previous one.
 */
export class BackupScheduler {
  private timers: NodeJS.Timeout[] = [];
  private running: Promise<Backup | null> | null = null;
  private stopped = false;

  constructor(
    private readonly backups: BackupService,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  start(): void {
    const first = setTimeout(() => void this.tick(), FIRST_CHECK_MS);
    const every = setInterval(() => void this.tick(), CHECK_EVERY_MS);
    first.unref();
    every.unref();
    this.timers.push(first, every);
  }

  /** Stops the timers; a backup in progress finishes its file but is not recorded (the database is closing). */
  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers = [];
  }

  /** One check: takes the scheduled backup if due. Returns it, or null when none was due. */
  tick(): Promise<Backup | null> {
    this.running ??= this.check().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async check(): Promise<Backup | null> {
    try {
      if (this.stopped || this.backups.settings().schedule !== 'daily') return null;
      if (!scheduledBackupDue(this.backups.latest('scheduled')?.startedAt ?? null, this.clock.now())) return null;
      const taken = await this.backups.take('scheduled');
      if (this.stopped) return null;
      const backup = this.backups.record(taken);
      this.backups.prune(this.clock.now());
      return backup;
    } catch (error) {
      this.logger.error('scheduled backup failed', { error: (error as Error).message });
      return null;
    }
  }
}
