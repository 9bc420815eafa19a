import { closeSync, fsyncSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchCase, CaseRun } from './types';

/**
 * What the machine itself costs, measured next to the cases: every committed write waits for one
 * fsync (synchronous=FULL), and every call pays dispatch's own checks. When other work keeps the
 * disk or the cores busy these rise first, and the write and list figures with them.
 */
export const baselineCases: BenchCase[] = [
  {
    name: 'baseline: 4 KB write + fsync in the data folder (disk)',
    rows: () => 0,
    prepare(env): CaseRun {
      const file = join(env.dataDir, 'fsync-probe.tmp');
      const fd = openSync(file, 'w');
      const page = Buffer.alloc(4096, 1);
      return {
        async sample(i) {
          writeSync(fd, page, 0, page.length, (i % 256) * page.length);
          fsyncSync(fd);
        },
        finish() {
          closeSync(fd);
          rmSync(file, { force: true });
        },
      };
    },
  },
  {
    name: 'baseline: auth.me (dispatch, session and seat check only)',
    rows: () => 0,
    prepare: (env) => ({ sample: () => env.backend.dispatch(env.sales.ctx, 'auth.me', {}) }),
  },
];
