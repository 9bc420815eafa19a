import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../bench/args';
import type { BenchEnv } from '../../bench/env';
import { measure, percentile } from '../../bench/measure';
import { writeJson } from '../../bench/report';
import { makeTempDir } from '../helpers/temp';

describe('npm run bench', () => {
  it('writes --json in the shape API.md promises, one entry per case', async () => {
    let calls = 0;
    const { result } = await measure({} as BenchEnv, {
      name: 'a write',
      rows: () => 1000,
      samples: 30,
      warmup: 5,
      throughput: true,
      prepare: () => ({ sample: async () => void calls++ }),
    });
    const temp = makeTempDir();
    try {
      const file = join(temp.dir, 'bench.json');
      writeJson(file, [result]);
      const [entry] = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>[];
      expect(Object.keys(entry!).sort()).toEqual(['max_ms', 'n', 'name', 'p50_ms', 'p95_ms', 'per_s', 'rows', 'rss_mb']);
      expect(entry).toMatchObject({ name: 'a write', rows: 1000, n: 30 });
      expect(calls).toBe(35);
      expect(entry!.p50_ms as number).toBeLessThanOrEqual(entry!.p95_ms as number);
      expect(entry!.p95_ms as number).toBeLessThanOrEqual(entry!.max_ms as number);
    } finally {
      temp.cleanup();
    }
  });

  it('takes the documented options and refuses unknown ones', () => {
    expect(parseArgs([])).toMatchObject({ scale: 1, json: null, fresh: false });
    expect(parseArgs(['--scale', '0.01', '--json', 'out.json'])).toMatchObject({ scale: 0.01, json: 'out.json' });
    expect(parseArgs(['--scale=2', '--only', 'contacts.list'])).toMatchObject({ scale: 2, only: ['contacts.list'] });
    expect(() => parseArgs(['--scale', '0'])).toThrow('--scale needs a positive number');
    expect(() => parseArgs(['--fast'])).toThrow('Unknown option --fast');
  });

  it('reports nearest-rank percentiles', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 0.5)).toBe(50);
    expect(percentile(sorted, 0.95)).toBe(95);
    expect(percentile([7], 0.95)).toBe(7);
  });
});
