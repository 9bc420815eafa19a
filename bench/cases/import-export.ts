import type { BenchEnv, SignedIn } from '../env';
import type { BenchCase, CaseRun } from './types';

/**
 * Issue 6: "import of 100,000 contacts with duplicate matching and account linking: >= 20,000 rows
 * per second; export of 1,000,000 contacts to CSV <= 10 s; memory bounded (report peak RSS)".
 * Each case is one background job timed from start to done through the real dispatch; the rows/s
 * and the peak RSS sampled while it ran are printed on a line of their own.
 */

/** The file the issue names; LANTERN_BENCH_IMPORT_ROWS makes it smaller to profile a slow build. */
const IMPORT_ROWS = Number(process.env.LANTERN_BENCH_IMPORT_ROWS ?? 100_000);
const IMPORT_ROWS_PER_S = 20_000;
const EXPORT_TARGET_MS = 10_000;
/** Of the file's rows: some match existing contacts by email (updated), some repeat an earlier row of the file. */
const EXISTING_SHARE = 0.05;
const REPEATED_SHARE = 0.01;

const log = (line: string) => console.log(line);
const mb = (bytes: number) => `${Math.round(bytes / 1048576)} MB`;

/**
 * Highest RSS seen while a job runs (sampled between its slices), RSS before it started, and the
 * process's CPU time meanwhile: on a shared machine the wall time mostly measures the others.
 */
function rssWatch() {
  const cpu = process.cpuUsage();
  const before = process.memoryUsage.rss();
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 25);
  return {
    stop() {
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage.rss());
      const used = process.cpuUsage(cpu);
      return { before, peak, cpuS: (used.user + used.system) / 1e6 };
    },
  };
}

async function waitFor(poll: () => Promise<{ state: string; message?: string | null }>): Promise<void> {
  for (;;) {
    const status = await poll();
    if (status.state === 'done') return;
    if (status.state !== 'running') throw new Error(`job ended ${status.state}: ${status.message ?? ''}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const cell = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/**
 * A contacts file as a user brings it from another CRM: name, email, a phone typed any way, the
 * company (an existing account's name) and the owner (a team member's name); a few rows match
 * existing contacts by email, a few repeat an earlier row, a few are bad.
 */
function contactsFile(env: BenchEnv, owners: string[], existingEmails: string[]): string {
  const accounts = env.pick.rows<{ name: string }>(500, 'accounts', 'name');
  const lines = ['First Name,Last Name,Email,Phone,Company,Owner'];
  const random = env.random;
  for (let i = 0; i < IMPORT_ROWS; i++) {
    let email = `import.${i}@bench-import.example`;
    if (existingEmails.length > 0 && random.chance(EXISTING_SHARE)) email = existingEmails[random.int(0, existingEmails.length - 1)]!;
    else if (i > 0 && random.chance(REPEATED_SHARE)) email = `import.${random.int(0, i - 1)}@bench-import.example`;
    const phone = i % 500 === 7 ? 'call me' : `(212) 555-${String(i % 10_000).padStart(4, '0')}`;
    const company = accounts[i % accounts.length]!.name;
    lines.push([`Avery${i}`, `Importer${i}`, email, phone, company, owners[i % owners.length]!].map(cell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

const importCase: BenchCase = {
  name: `import.start ${IMPORT_ROWS.toLocaleString('en-US')} contacts (match email, link account + owner)`,
  rows: (env) => env.counts.contacts,
  targetP95Ms: (IMPORT_ROWS / IMPORT_ROWS_PER_S) * 1000,
  samples: 1,
  warmup: 0,
  budgetMs: 600_000,
  prepare(env): CaseRun {
    // The manager imports for the team: owner names are team members, matched rows are the team's.
    const who: SignedIn = env.manager;
    const team = env.pick.db.prepare('SELECT id, username FROM users WHERE manager_id = ? AND active = 1').all(who.id) as { id: string; username: string }[];
    const ownerIds = [who.id, ...team.map((u) => u.id)];
    const owners = [who.username, ...team.map((u) => u.username)];
    const existing = env.pick.db
      .prepare(`SELECT email FROM contacts WHERE owner_id IN (SELECT value FROM json_each(?)) AND email IS NOT NULL AND deleted_at IS NULL LIMIT 5000`)
      .pluck()
      .all(JSON.stringify(ownerIds)) as string[];
    const csv = contactsFile(env, owners, existing);
    let watch: ReturnType<typeof rssWatch> | null = null;
    let startedAt = 0;
    return {
      async sample() {
        watch = rssWatch();
        startedAt = performance.now();
        const { jobId } = await env.backend.dispatch(who.ctx, 'import.start', {
          type: 'contacts',
          csv,
          fileName: 'bench-contacts.csv',
          mapping: { 'First Name': 'firstName', 'Last Name': 'lastName', Email: 'email', Phone: 'phone', Company: 'accountName', Owner: 'ownerName' },
          match: { field: 'email', mode: 'update' },
        });
        await waitFor(() => env.backend.dispatch(who.ctx, 'import.status', { jobId }));
        const ms = performance.now() - startedAt;
        const { before, peak, cpuS } = watch.stop();
        const status = await env.backend.dispatch(who.ctx, 'import.status', { jobId });
        log(
          `  import: ${IMPORT_ROWS.toLocaleString('en-US')} rows in ${(ms / 1000).toFixed(2)} s = ${Math.round(IMPORT_ROWS / (ms / 1000)).toLocaleString('en-US')} rows/s ` +
            `(created ${status.created}, updated ${status.updated}, failed ${status.failed}); CPU ${cpuS.toFixed(1)} s = ${Math.round(IMPORT_ROWS / cpuS).toLocaleString('en-US')} rows per CPU-second; RSS ${mb(before)} before, peak ${mb(peak)} (the file itself: ${mb(Buffer.byteLength(csv) * 2)} as a JS string)`,
        );
        // One click undoes it: the created contacts removed for good, the updated ones put back.
        const undoStarted = performance.now();
        await env.backend.dispatch(who.ctx, 'import.undo', { jobId });
        for (;;) {
          const undo = await env.backend.dispatch(who.ctx, 'import.status', { jobId });
          if (undo.state === 'undone') break;
          if (undo.state !== 'undoing') throw new Error(`undo ended ${undo.state}: ${undo.message ?? ''}`);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        log(`  undo of that import: ${((performance.now() - undoStarted) / 1000).toFixed(2)} s`);
      },
      finish: () => void watch?.stop(),
    };
  },
};

const exportCase: BenchCase = {
  name: 'export.start contacts to CSV (every contact)',
  rows: (env) => env.counts.contacts,
  targetP95Ms: EXPORT_TARGET_MS,
  samples: 1,
  warmup: 0,
  budgetMs: 600_000,
  prepare(env): CaseRun {
    let watch: ReturnType<typeof rssWatch> | null = null;
    return {
      async sample() {
        watch = rssWatch();
        const started = performance.now();
        const { jobId } = await env.backend.dispatch(env.sales.ctx, 'export.start', { type: 'contacts', format: 'csv' });
        await waitFor(() => env.backend.dispatch(env.sales.ctx, 'export.status', { jobId }));
        const ms = performance.now() - started;
        const { before, peak, cpuS } = watch.stop();
        const status = await env.backend.dispatch(env.sales.ctx, 'export.status', { jobId });
        log(
          `  export: ${status.processed.toLocaleString('en-US')} of ${status.total.toLocaleString('en-US')} contacts, ${mb(status.sizeBytes ?? 0)} in ${(ms / 1000).toFixed(2)} s = ` +
            `${Math.round(status.processed / (ms / 1000)).toLocaleString('en-US')} rows/s (CPU ${cpuS.toFixed(1)} s); RSS ${mb(before)} before, peak ${mb(peak)}`,
        );
      },
      finish: () => void watch?.stop(),
    };
  },
};

// Export first: it reads the data set as generated, before the import adds 100,000 contacts to it.
export const importExportCases: BenchCase[] = [exportCase, importCase];
