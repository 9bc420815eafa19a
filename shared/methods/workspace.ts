import { z } from 'zod';
import { defineMethod } from '../method';
import { ById, Ok } from '../schemas/common';
import { RecordTypeSchema } from '../schemas/records/common';
import { OfficeSettings } from '../schemas/settings';
import {
  BulkDeleteInput,
  BulkOwnerInput,
  BulkResult,
  RecycleBinItem,
  RecycleBinListInput,
  RecycleBinPurgeInput,
  RecycleBinPurgeStatus,
  SavedView,
  ViewSaveInput,
} from '../schemas/workspace';

export const workspaceMethods = {
  'recycleBin.list': defineMethod({
    summary: 'What was deleted, by whom and when, newest first.',
    input: RecycleBinListInput,
    output: z.object({ items: z.array(RecycleBinItem), nextCursor: z.string().nullable() }),
    kind: 'read',
    access: 'user',
  }),
  'recycleBin.purge': defineMethod({
    summary:
      'Delete recycle-bin entries for good, with the activities logged against them (administrators only). Answers when all are gone; the work is done in short steps in the background, so others keep saving meanwhile, and recycleBin.purgeStatus tells how far it is.',
    input: RecycleBinPurgeInput,
    output: z.object({ purged: z.number().int() }),
    kind: 'write',
    access: ['admin'],
  }),
  'recycleBin.purgeStatus': defineMethod({
    summary: 'How far the latest emptying of the recycle bin is: records to delete and deleted so far (administrators only).',
    input: z.object({}).strict(),
    output: RecycleBinPurgeStatus,
    kind: 'read',
    access: ['admin'],
  }),
  'records.bulkSetOwner': defineMethod({
    summary: 'Give many records to one owner; each is checked as a single update would be.',
    input: BulkOwnerInput,
    output: BulkResult,
    kind: 'write',
    access: 'user',
  }),
  'records.bulkDelete': defineMethod({
    summary: 'Move many records to the recycle bin; each is checked as a single delete would be.',
    input: BulkDeleteInput,
    output: BulkResult,
    kind: 'write',
    access: 'user',
  }),
  'views.list': defineMethod({
    summary: 'Your saved list views for a record type.',
    input: z.object({ type: RecordTypeSchema }).strict(),
    output: z.object({ items: z.array(SavedView) }),
    kind: 'read',
    access: 'user',
  }),
  'views.save': defineMethod({
    summary: 'Save a list view (new, or replace one of yours by id).',
    input: ViewSaveInput,
    output: SavedView,
    kind: 'write',
    access: 'user',
    readonlyMayCall: true,
  }),
  'views.delete': defineMethod({
    summary: 'Delete one of your saved views.',
    input: ById,
    output: Ok,
    kind: 'write',
    access: 'user',
    readonlyMayCall: true,
  }),
  'settings.get': defineMethod({
    summary: 'Office settings: name, default phone country, time zone, currency.',
    input: z.object({}).strict(),
    output: OfficeSettings,
    kind: 'read',
    access: 'user',
  }),
  'settings.update': defineMethod({
    summary: 'Change office settings (administrators only).',
    input: OfficeSettings.partial().strict(),
    output: OfficeSettings,
    kind: 'write',
    access: ['admin'],
  }),
};
