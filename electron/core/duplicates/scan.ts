import { signedIn, type Call } from '../handler';
import { jobsFor, type Job } from '../import/jobs';
import { requireDuplicateDef, titlesOf } from './check';
import { effectiveRules } from './settings';

/** At most this many groups are listed (with titles); the count says how many there are in all. */
const LISTED_GROUPS = 1000;

export interface ScanResult {
  type: string;
  groupCount: number;
  groups: { ids: string[]; titles: string[]; rules: string[]; score: number }[];
}

/** Joins records into groups as rules link them (union-find over the ids seen in a link only). */
class Groups {
  private readonly parent = new Map<string, string>();
  private readonly rules = new Map<string, Set<string>>();

  private root(id: string): string {
    if (!this.parent.has(id)) {
      this.parent.set(id, id);
      return id;
    }
    let root = id;
    while (this.parent.get(root) !== root) root = this.parent.get(root)!;
    for (let current = id; current !== root; ) {
      const next = this.parent.get(current)!;
      this.parent.set(current, root);
      current = next;
    }
    return root;
  }

  link(ids: string[], rule: string): void {
    const first = this.root(ids[0]!);
    for (const id of ids.slice(1)) {
      const other = this.root(id);
      if (other === first) continue;
      this.parent.set(other, first);
      const moved = this.rules.get(other);
      if (moved) {
        const into = this.rules.get(first) ?? new Set();
        for (const r of moved) into.add(r);
        this.rules.set(first, into);
        this.rules.delete(other);
      }
    }
    const set = this.rules.get(first) ?? new Set();
    set.add(rule);
    this.rules.set(first, set);
  }

  all(): { ids: string[]; rules: string[] }[] {
    const members = new Map<string, string[]>();
    for (const id of this.parent.keys()) {
      const root = this.root(id);
      const list = members.get(root) ?? [];
      list.push(id);
      members.set(root, list);
    }
    return [...members.entries()].filter(([, ids]) => ids.length > 1).map(([root, ids]) => ({ ids: ids.sort(), rules: [...(this.rules.get(root) ?? [])].sort() }));
  }
}

/** Scans every live record of a type for duplicates in the background; progress counts rows read per rule. */
export function startDuplicateScan(call: Call, type: string): Job {
  const def = requireDuplicateDef(call.db, type);
  const me = signedIn(call);
  return jobsFor(call.db).start('duplicates.scan', me.id, call.logger, async (job, slice) => {
    const { rules } = effectiveRules(call.db);
    const active = rules.filter((r) => r.type === def.type && r.enabled);
    job.total = active.reduce((sum, rule) => sum + rule.impl.scanSize(call.db), 0);
    const groups = new Groups();
    const scores = new Map(active.map((r) => [r.rule, r.score]));
    for (const rule of active) {
      await rule.impl.scan(
        { db: call.db, threshold: rule.threshold ?? 1 },
        { link: (ids, name) => groups.link(ids, name), progress: (rows) => (job.processed += rows), slice },
      );
      await slice();
    }
    const all = groups
      .all()
      .map((g) => ({ ...g, score: Math.max(...g.rules.map((r) => scores.get(r) ?? 0)) }))
      .sort((a, b) => b.ids.length - a.ids.length || b.score - a.score || a.ids[0]!.localeCompare(b.ids[0]!));
    const listed = all.slice(0, LISTED_GROUPS);
    const titles = titlesOf(call, def.type, listed.flatMap((g) => g.ids));
    job.result = {
      type: def.type,
      groupCount: all.length,
      groups: listed.map((g) => ({ ...g, titles: g.ids.map((id) => titles.get(id) ?? id) })),
    } satisfies ScanResult;
  });
}
