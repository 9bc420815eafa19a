import { AppError } from '../../../shared/errors';
import { signedIn, type Call } from '../handler';
import { newId } from '../ids';

interface TemplateRow {
  id: string;
  user_id: string;
  type: string;
  name: string;
  config: string;
  created_at: string;
  updated_at: string;
}

function toTemplate(row: TemplateRow) {
  const config = JSON.parse(row.config) as { mapping: Record<string, string | null>; match?: unknown };
  return { id: row.id, type: row.type, name: row.name, mapping: config.mapping, match: config.match ?? null, createdAt: row.created_at, updatedAt: row.updated_at };
}

/** A user's saved mappings for a record type, by name. */
export function listTemplates(call: Call, type?: string) {
  const me = signedIn(call).id;
  const rows = (
    type
      ? call.db.prepare('SELECT * FROM import_templates WHERE user_id = ? AND type = ? ORDER BY name').all(me, type)
      : call.db.prepare('SELECT * FROM import_templates WHERE user_id = ? ORDER BY type, name').all(me)
  ) as TemplateRow[];
  return { items: rows.map(toTemplate) };
}

export function saveTemplate(call: Call, input: { id?: string; type: string; name: string; mapping: Record<string, string | null>; match?: unknown }) {
  const me = signedIn(call).id;
  const now = call.now.toISOString();
  const config = JSON.stringify({ mapping: input.mapping, match: input.match ?? null });
  return call.write((changes) => {
    let id = input.id;
    if (id) {
      const existing = call.db.prepare('SELECT user_id FROM import_templates WHERE id = ?').pluck().get(id);
      if (existing !== me) throw new AppError('NOT_FOUND', 'No such template of yours.');
    } else {
      // Saving under a name you already used replaces that template.
      id = (call.db.prepare('SELECT id FROM import_templates WHERE user_id = ? AND type = ? AND name = ?').pluck().get(me, input.type, input.name) as string | undefined) ?? newId();
    }
    call.db
      .prepare(
        `INSERT INTO import_templates (id, user_id, type, name, config, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET type = excluded.type, name = excluded.name, config = excluded.config, updated_at = excluded.updated_at`,
      )
      .run(id, me, input.type, input.name, config, now, now);
    changes.record({ table: 'import_templates', id, op: 'update' });
    return toTemplate(call.db.prepare('SELECT * FROM import_templates WHERE id = ?').get(id) as TemplateRow);
  });
}

export function deleteTemplate(call: Call, id: string) {
  const me = signedIn(call).id;
  call.write((changes) => {
    const result = call.db.prepare('DELETE FROM import_templates WHERE id = ? AND user_id = ?').run(id, me);
    if (result.changes === 0) throw new AppError('NOT_FOUND', 'No such template of yours.');
    changes.record({ table: 'import_templates', id, op: 'delete' });
  });
  return { ok: true as const };
}
