import type { BenchEnv } from './env';
import { percentile } from './measure';

export interface ProbeReport {
  saves: number;
  /** The longest a save waited, from the moment it was due to its answer: how long the writer (or the event loop) was held. */
  maxMs: number;
  p95Ms: number;
}

/**
 * Another user at work while long work runs: the sales user saves one of their contacts every
 * `everyMs`. Each save is timed from when it was due, not from when its timer got to run, so a
 * blocked event loop or a long write transaction shows up in full as the wait of the save that
 * fell into it.
 */
export function startSaveProbe(env: BenchEnv, where = '1', everyMs = 25): { stop(): Promise<ProbeReport> } {
  const contact = env.pick.row<{ id: string; version: number }>('contacts', 'id, version', `owner_id = ? AND ${where}`, env.sales.id);
  let version = contact.version;
  const waits: number[] = [];
  let stopped = false;
  const loop = (async () => {
    let due = performance.now();
    for (let i = 0; !stopped; i++) {
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
      const saved = await env.backend.dispatch(env.sales.ctx, 'contacts.update', { id: contact.id, version, patch: { title: `Probe ${i}` } });
      version = saved.version;
      waits.push(performance.now() - due);
      due = Math.max(due + everyMs, performance.now());
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      const sorted = [...waits].sort((a, b) => a - b);
      return { saves: waits.length, maxMs: sorted[sorted.length - 1] ?? 0, p95Ms: percentile(sorted, 0.95) };
    },
  };
}

export const describeProbe = (probe: ProbeReport) =>
  `${probe.saves} saves by another user meanwhile waited at most ${probe.maxMs.toFixed(0)} ms (p95 ${probe.p95Ms.toFixed(1)} ms)`;
