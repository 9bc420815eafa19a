import { AppError } from '../../../../shared/errors';
import type { Call } from '../../handler';
import { signedIn } from '../../handler';
import { newId } from '../../ids';
import type { Values } from '../../records/definition';
import { readOfficeSettings } from '../settings/office-settings';

interface TemplateRow {
  id: string;
  name: string;
  subject: string | null;
  body: string;
  created_at: string;
  updated_at: string;
  version: number;
}

const toTemplate = (row: TemplateRow) => ({
  id: row.id,
  name: row.name,
  subject: row.subject,
  body: row.body,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  version: row.version,
});

function loadTemplate(call: Call, id: string): TemplateRow {
  const row = call.db.prepare('SELECT * FROM case_templates WHERE id = ?').get(id) as TemplateRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'No such template.');
  return row;
}

export function listTemplates(call: Call) {
  return { items: (call.db.prepare('SELECT * FROM case_templates ORDER BY name COLLATE NOCASE, id').all() as TemplateRow[]).map(toTemplate) };
}

export function createTemplate(call: Call, input: { name: string; subject?: string | null; body: string }) {
  const now = call.now.toISOString();
  const row: TemplateRow = { id: newId(), name: input.name, subject: input.subject ?? null, body: input.body, created_at: now, updated_at: now, version: 1 };
  call.db
    .prepare('INSERT INTO case_templates (id, name, subject, body, created_at, updated_at, created_by, version) VALUES (?, ?, ?, ?, ?, ?, ?, 1)')
    .run(row.id, row.name, row.subject, row.body, now, now, signedIn(call).id);
  return toTemplate(row);
}

export function updateTemplate(call: Call, input: { id: string; version: number; patch: { name?: string; subject?: string | null; body?: string } }) {
  const before = loadTemplate(call, input.id);
  if (before.version !== input.version) {
    throw new AppError('CONFLICT', 'Someone else saved this template after you opened it. Reload it, then make your change again.', {
      currentVersion: before.version,
    });
  }
  const after = { ...before, ...Object.fromEntries(Object.entries(input.patch).filter(([, v]) => v !== undefined)) } as TemplateRow;
  call.db
    .prepare('UPDATE case_templates SET name = ?, subject = ?, body = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?')
    .run(after.name, after.subject, after.body, call.now.toISOString(), input.id, input.version);
  return toTemplate(loadTemplate(call, input.id));
}

export function deleteTemplate(call: Call, id: string) {
  loadTemplate(call, id);
  call.db.prepare('DELETE FROM case_templates WHERE id = ?').run(id);
  return { ok: true as const };
}

type CaseContact = { first_name: string | null; last_name: string } | undefined;

/**
 * Fills {{case.number}}, {{case.subject}}, {{contact.firstName}}, {{contact.lastName}},
 * {{contact.name}}, {{user.name}} and {{office.name}}; unknown placeholders are left as typed.
 */
export function fillCasePlaceholders(call: Call, text: string, record: Values, contact: CaseContact): string {
  const values: Record<string, string> = {
    'case.number': String(record.number),
    'case.subject': String(record.subject),
    'contact.firstName': contact?.first_name ?? '',
    'contact.lastName': contact?.last_name ?? '',
    'contact.name': contact ? [contact.first_name, contact.last_name].filter(Boolean).join(' ') : '',
    'user.name': signedIn(call).displayName,
    'office.name': readOfficeSettings(call.db).officeName,
  };
  return text.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (whole, key: string) => values[key] ?? whole);
}

/** A template's subject and body with the case's placeholders filled. */
export function renderTemplate(call: Call, templateId: string, record: Values, contact: CaseContact) {
  const template = loadTemplate(call, templateId);
  const fill = (text: string) => fillCasePlaceholders(call, text, record, contact);
  return { subject: template.subject ? fill(template.subject) : null, body: fill(template.body) };
}
