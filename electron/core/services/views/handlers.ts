import { AppError } from '../../../../shared/errors';
import type { HandlerMap } from '../../handler';
import { signedIn } from '../../handler';
import { newId } from '../../ids';

interface ViewRow {
  id: string;
  user_id: string;
  record_type: string;
  name: string;
  config: string;
  created_at: string;
  updated_at: string;
}

const rowToView = (row: ViewRow) => ({
  id: row.id,
  type: row.record_type as never,
  name: row.name,
  config: JSON.parse(row.config),
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export const viewHandlers: HandlerMap<'views.list' | 'views.save' | 'views.delete'> = {
  'views.list'(call, { type }) {
    const rows = call.db
      .prepare('SELECT * FROM saved_views WHERE user_id = ? AND record_type = ? ORDER BY name COLLATE NOCASE, id')
      .all(signedIn(call).id, type) as ViewRow[];
    return { items: rows.map(rowToView) };
  },

  'views.save'(call, input) {
    const me = signedIn(call).id;
    const now = call.now.toISOString();
    return call.write(() => {
      if (input.id) {
        const result = call.db
          .prepare('UPDATE saved_views SET name = ?, config = ?, updated_at = ? WHERE id = ? AND user_id = ? AND record_type = ?')
          .run(input.name, JSON.stringify(input.config), now, input.id, me, input.type);
        if (result.changes === 0) throw new AppError('NOT_FOUND', 'No such saved view of yours.');
        return rowToView(call.db.prepare('SELECT * FROM saved_views WHERE id = ?').get(input.id) as ViewRow);
      }
      const id = newId();
      call.db
        .prepare('INSERT INTO saved_views (id, user_id, record_type, name, config, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(id, me, input.type, input.name, JSON.stringify(input.config), now, now);
      return rowToView(call.db.prepare('SELECT * FROM saved_views WHERE id = ?').get(id) as ViewRow);
    });
  },

  'views.delete'(call, { id }) {
    const removed = call.write(() => call.db.prepare('DELETE FROM saved_views WHERE id = ? AND user_id = ?').run(id, signedIn(call).id).changes);
    if (removed === 0) throw new AppError('NOT_FOUND', 'No such saved view of yours.');
    return { ok: true };
  },
};
