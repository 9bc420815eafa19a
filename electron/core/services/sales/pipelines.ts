import { AppError, type FieldIssue } from '../../../../shared/errors';
import type { Pipeline } from '../../../../shared/schemas/sales';
import type { ChangeRecorder } from '../../changes';
import type { Db } from '../../db/open';
import { signedIn, type Call } from '../../handler';
import { newId } from '../../ids';
import { cachedStatement } from '../../db/statements';

export type StageKind = 'open' | 'won' | 'lost';

interface PipelineRow {
  id: string;
  name: string;
  is_default: number;
  active: number;
  position: number;
  version: number;
}

export interface StageRow {
  id: string;
  pipeline_id: string;
  name: string;
  position: number;
  kind: StageKind;
  probability: number;
}

export interface StageInput {
  id?: string;
  name: string;
  kind: StageKind;
  probability?: number;
}

/** Stage probabilities when an administrator gives none. */
const DEFAULT_PROBABILITY: Record<StageKind, number> = { open: 50, won: 100, lost: 0 };

function invalid(path: string, message: string, summary?: string): AppError {
  return new AppError('VALIDATION', summary ?? `${path}: ${message}`, [{ path, message }]);
}

export function stagesOf(db: Db, pipelineId: string): StageRow[] {
  return db.prepare('SELECT * FROM pipeline_stages WHERE pipeline_id = ? ORDER BY position, id').all(pipelineId) as StageRow[];
}

function rowToPipeline(db: Db, row: PipelineRow): Pipeline {
  return {
    id: row.id,
    name: row.name,
    isDefault: row.is_default === 1,
    active: row.active === 1,
    position: row.position,
    version: row.version,
    stages: stagesOf(db, row.id).map((s) => ({ id: s.id, name: s.name, kind: s.kind, probability: s.probability, position: s.position })),
  };
}

export function listPipelines(db: Db, includeInactive: boolean): Pipeline[] {
  const rows = db
    .prepare(`SELECT * FROM pipelines ${includeInactive ? '' : 'WHERE active = 1'} ORDER BY is_default DESC, position, name COLLATE NOCASE`)
    .all() as PipelineRow[];
  return rows.map((row) => rowToPipeline(db, row));
}

function findPipelineRow(db: Db, id: string): PipelineRow | undefined {
  return cachedStatement(db, 'SELECT * FROM pipelines WHERE id = ?').get(id) as PipelineRow | undefined;
}

export function loadPipeline(db: Db, id: string): Pipeline {
  const row = findPipelineRow(db, id);
  if (!row) throw new AppError('NOT_FOUND', 'No such pipeline.');
  return rowToPipeline(db, row);
}

export function defaultPipelineId(db: Db): string {
  const id = cachedStatement(db, 'SELECT id FROM pipelines WHERE is_default = 1', { pluck: true }).get() as string | undefined;
  if (!id) throw new Error('no default pipeline (migration 0004 seeds one and the backend keeps one)');
  return id;
}

/** The pipeline a filter names (checked to exist), or the default one. */
export function pipelineOrDefault(db: Db, id: string | undefined, path = 'pipelineId'): string {
  if (id === undefined) return defaultPipelineId(db);
  if (!findPipelineRow(db, id)) throw invalid(path, 'No such pipeline');
  return id;
}

/** A stage of a pipeline by name, ignoring case, or VALIDATION at `path` listing the stages there are. */
export function stageByName(db: Db, pipelineId: string, name: string, path: string): StageRow {
  const stage = cachedStatement(db, 'SELECT * FROM pipeline_stages WHERE pipeline_id = ? AND name = ? COLLATE NOCASE').get(pipelineId, name.trim()) as
    | StageRow
    | undefined;
  if (stage) return stage;
  const names = stagesOf(db, pipelineId).map((s) => s.name);
  throw invalid(path, `No stage "${name}" in this pipeline`, `${path}: no stage "${name}" in this pipeline; its stages are ${names.join(', ')}.`);
}

export function stageById(db: Db, stageId: string): StageRow | undefined {
  return db.prepare('SELECT * FROM pipeline_stages WHERE id = ?').get(stageId) as StageRow | undefined;
}

/** Where a new deal starts when no stage is named: the pipeline's first open stage. */
export function firstOpenStage(db: Db, pipelineId: string): StageRow {
  const stage = stagesOf(db, pipelineId).find((s) => s.kind === 'open');
  if (!stage) throw new Error(`pipeline ${pipelineId} has no open stage`);
  return stage;
}

/** A pipeline to put a deal in: it exists and is active. */
export function requireActivePipeline(db: Db, id: string, path: string): void {
  const row = findPipelineRow(db, id);
  if (!row) throw invalid(path, 'No such pipeline');
  if (row.active !== 1) throw invalid(path, 'This pipeline is inactive', `${path}: this pipeline is inactive; new deals cannot be put in it.`);
}

/** Names unique (ignoring case), ids belonging to this pipeline, at least one stage of each kind. */
function checkStages(stages: StageInput[], existing: StageRow[], path: string): void {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  const known = new Set(existing.map((s) => s.id));
  const ids = new Set<string>();
  stages.forEach((stage, i) => {
    const key = stage.name.toLocaleLowerCase();
    if (seen.has(key)) issues.push({ path: `${path}.${i}.name`, message: 'Two stages have this name' });
    seen.add(key);
    if (stage.id !== undefined) {
      if (!known.has(stage.id)) issues.push({ path: `${path}.${i}.id`, message: 'Not a stage of this pipeline' });
      else if (ids.has(stage.id)) issues.push({ path: `${path}.${i}.id`, message: 'Listed twice' });
      ids.add(stage.id);
    }
  });
  for (const kind of ['open', 'won', 'lost'] as const) {
    if (!stages.some((s) => s.kind === kind)) issues.push({ path, message: `Needs at least one ${kind} stage` });
  }
  if (issues.length > 0) {
    throw new AppError('VALIDATION', `The stages are not valid: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}.`, issues);
  }
}

function requireNameFree(db: Db, name: string, exceptId: string | null, path: string): void {
  const taken = db.prepare('SELECT id FROM pipelines WHERE name = ? COLLATE NOCASE AND id IS NOT ?').get(name, exceptId);
  if (taken) throw new AppError('CONFLICT', `There is already a pipeline called ${name}.`, [{ path, message: 'Taken' }]);
}

function dealsIn(db: Db, stageId: string): number {
  return db.prepare('SELECT count(*) FROM opportunities WHERE stage_id = ?').pluck().get(stageId) as number;
}

/**
 * Writes the ordered stage list: keeps the ids of listed stages (renames reach every deal in them),
 * adds new ones, removes unlisted ones. Removing a stage or changing its kind while deals sit in it
 * is refused: those deals' won/lost dates and the reports depend on it.
 */
function writeStages(db: Db, pipelineId: string, stages: StageInput[], existing: StageRow[]): void {
  const listed = new Set(stages.map((s) => s.id).filter(Boolean));
  for (const old of existing) {
    const next = stages.find((s) => s.id === old.id);
    const deals = dealsIn(db, old.id);
    if (deals === 0) continue;
    if (!listed.has(old.id)) {
      throw new AppError('CONFLICT', `${deals} deal(s) are in the stage ${old.name}: move them to another stage before removing it.`, {
        stageId: old.id,
        deals,
      });
    }
    if (next && next.kind !== old.kind) {
      throw new AppError('CONFLICT', `${deals} deal(s) are in the stage ${old.name}: its kind cannot change from ${old.kind} to ${next.kind}.`, {
        stageId: old.id,
        deals,
      });
    }
  }
  for (const old of existing) {
    if (listed.has(old.id)) continue;
    db.prepare('DELETE FROM opportunity_totals WHERE stage_id = ?').run(old.id);
    db.prepare('DELETE FROM pipeline_stages WHERE id = ?').run(old.id);
  }
  // Park the kept names first: swapping two names must not trip the unique index halfway.
  db.prepare("UPDATE pipeline_stages SET name = char(1) || id WHERE pipeline_id = ?").run(pipelineId);
  stages.forEach((stage, i) => {
    const probability = stage.probability ?? DEFAULT_PROBABILITY[stage.kind];
    if (stage.id) {
      db.prepare('UPDATE pipeline_stages SET name = ?, position = ?, kind = ?, probability = ? WHERE id = ?').run(
        stage.name,
        i + 1,
        stage.kind,
        probability,
        stage.id,
      );
      db.prepare('UPDATE opportunities SET stage = ? WHERE stage_id = ? AND stage IS NOT ?').run(stage.name, stage.id, stage.name);
    } else {
      db.prepare('INSERT INTO pipeline_stages (id, pipeline_id, name, position, kind, probability) VALUES (?, ?, ?, ?, ?, ?)').run(
        newId(),
        pipelineId,
        stage.name,
        i + 1,
        stage.kind,
        probability,
      );
    }
  });
}

export function createPipeline(call: Call, input: { name: string; isDefault?: boolean; stages: StageInput[] }, changes: ChangeRecorder): Pipeline {
  const me = signedIn(call);
  const db = call.db;
  requireNameFree(db, input.name, null, 'name');
  const stages = input.stages.map(({ id: _ignored, ...stage }) => stage);
  checkStages(stages, [], 'stages');
  const id = newId();
  const now = call.now.toISOString();
  const position = (db.prepare('SELECT ifnull(max(position), 0) + 1 FROM pipelines').pluck().get() as number) ?? 1;
  if (input.isDefault) db.prepare('UPDATE pipelines SET is_default = 0 WHERE is_default = 1').run();
  db.prepare(
    `INSERT INTO pipelines (id, name, is_default, active, position, created_at, updated_at, created_by, updated_by)
     VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?)`,
  ).run(id, input.name, input.isDefault ? 1 : 0, position, now, now, me.id, me.id);
  writeStages(db, id, stages, []);
  changes.record({ table: 'pipelines', id, op: 'create' });
  return loadPipeline(db, id);
}

export interface PipelinePatch {
  name?: string;
  isDefault?: true;
  active?: boolean;
  stages?: StageInput[];
}

export function updatePipeline(call: Call, input: { id: string; version: number; patch: PipelinePatch }, changes: ChangeRecorder): Pipeline {
  const me = signedIn(call);
  const db = call.db;
  const before = loadPipeline(db, input.id);
  if (before.version !== input.version) {
    throw new AppError('CONFLICT', 'Someone else saved this pipeline after you opened it. Reload it, then make your changes again.', {
      currentVersion: before.version,
      current: before,
    });
  }
  const { patch } = input;
  if (patch.name !== undefined && patch.name !== before.name) requireNameFree(db, patch.name, before.id, 'patch.name');
  const active = patch.active ?? before.active;
  const isDefault = patch.isDefault ?? before.isDefault;
  if (isDefault && !active) {
    throw invalid('patch.active', 'The default pipeline cannot be inactive', 'patch.active: make another pipeline the default before deactivating this one.');
  }
  if (patch.stages) {
    const existing = stagesOf(db, before.id);
    checkStages(patch.stages, existing, 'patch.stages');
    writeStages(db, before.id, patch.stages, existing);
  }
  if (patch.isDefault && !before.isDefault) db.prepare('UPDATE pipelines SET is_default = 0 WHERE is_default = 1').run();
  db.prepare(
    'UPDATE pipelines SET name = ?, is_default = ?, active = ?, updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ?',
  ).run(patch.name ?? before.name, isDefault ? 1 : 0, active ? 1 : 0, call.now.toISOString(), me.id, before.id);
  const after = loadPipeline(db, before.id);
  changes.record({ table: 'pipelines', id: before.id, op: 'update', before, after });
  return after;
}
