import type { RecordType } from '../../../shared/schemas/records/common';
import type { Db } from '../db/open';
import type { Values } from '../records/definition';

/** One record found by a rule: which record, through which field and value, how alike (0..1). */
export interface Hit {
  type: RecordType;
  id: string;
  field: string;
  value: string;
  similarity: number;
}

export interface RuleContext {
  db: Db;
  /** For similarity rules: the admin's threshold. */
  threshold: number;
}

/** Progress and output of a scan: `link` joins records into one duplicate group. */
export interface ScanSink {
  link(ids: string[], rule: string): void;
  progress(rows: number): void;
  slice(): Promise<void>;
}

export interface DuplicateRule {
  name: string;
  /** For the admin's settings page. */
  description: string;
  /** The score a match gives by default (admins can change it). */
  score: number;
  /** Similarity rules only: how alike two names must be by default. */
  threshold?: number;
  /** Candidates for one record (values normalised like the record service would). */
  find(ctx: RuleContext, values: Values): Hit[];
  /** Rows a scan of this rule reads (for progress). */
  scanSize(db: Db): number;
  /** Walks the whole table in slices, linking duplicates. */
  scan(ctx: RuleContext, sink: ScanSink): Promise<void>;
}

/**
 * How one record type finds its duplicates: its rules, in the order they are explained to users.
 * A record type takes part by registering one of these (leads do, against leads and contacts).
 */
export interface DuplicateDef {
  type: 'contacts' | 'accounts' | 'leads';
  table: string;
  rules: DuplicateRule[];
}

const definitions = new Map<string, DuplicateDef>();

export function registerDuplicateDef(def: DuplicateDef): DuplicateDef {
  definitions.set(def.type, def);
  return def;
}

export function duplicateDef(type: string): DuplicateDef | undefined {
  return definitions.get(type);
}

export function duplicateDefs(): DuplicateDef[] {
  return [...definitions.values()];
}
