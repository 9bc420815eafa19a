import { defineMethod } from '../method';
import {
  DuplicateCheckInput,
  DuplicateCheckOutput,
  DuplicateRulesOutput,
  DuplicateRulesUpdate,
  DuplicateScanInput,
  DuplicateScanStatus,
  JobInput,
  JobRef,
  MergeEntry,
  MergeInput,
  MergeListInput,
  MergeOutput,
} from '../schemas/duplicates';
import { z } from 'zod';
import { ById } from '../schemas/common';
import { MergePreviewInput, MergePreviewOutput } from '../schemas/merge-preview';

/** Who may merge at all: every role that writes (each record is checked too, as in the merge). */
const MERGERS = ['admin', 'manager', 'sales', 'support'] as const;

const merge = (noun: string) =>
  defineMethod({
    summary: `Merge duplicate ${noun}s into one: pick the surviving value per field; children move to the survivor; the others go to the recycle bin.`,
    input: MergeInput,
    output: MergeOutput,
    kind: 'write',
    access: 'user',
  });

export const duplicateMethods = {
  'duplicates.check': defineMethod({
    summary: 'Existing records that look like this one (while creating or editing), with scores and the rules that matched.',
    input: DuplicateCheckInput,
    output: DuplicateCheckOutput,
    kind: 'read',
    access: 'user',
  }),
  'duplicates.scan': defineMethod({
    summary: 'Look for duplicates among all records of a type, in the background.',
    input: DuplicateScanInput,
    output: JobRef,
    kind: 'read',
    access: ['admin', 'manager'],
  }),
  'duplicates.scanStatus': defineMethod({
    summary: 'Progress of a duplicate scan, and the duplicate groups it found.',
    input: JobInput,
    output: DuplicateScanStatus,
    kind: 'read',
    access: ['admin', 'manager'],
  }),
  'duplicates.rules': defineMethod({
    summary: 'The duplicate rules of each record type, as the administrator tuned them.',
    input: z.object({}).strict(),
    output: DuplicateRulesOutput,
    kind: 'read',
    access: 'user',
  }),
  'duplicates.updateRules': defineMethod({
    summary: 'Turn duplicate rules on or off, change their scores and name-similarity thresholds (administrators).',
    input: DuplicateRulesUpdate,
    output: DuplicateRulesOutput,
    kind: 'write',
    access: ['admin'],
  }),
  'contacts.merge': merge('contact'),
  'accounts.merge': merge('account'),
  'leads.merge': merge('lead'),
  'merges.undo': defineMethod({
    summary: 'Undo a merge: the survivor gets its values back, the merged records return, their children go home.',
    input: ById,
    output: z.object({ record: z.record(z.string(), z.unknown()), restored: z.array(z.string()) }),
    kind: 'write',
    access: 'user',
  }),
  'merges.preview': defineMethod({
    summary: 'What a merge would do, before it is confirmed: how many related records of each kind move to the survivor, and the fields that differ with each record\'s value.',
    input: MergePreviewInput,
    output: MergePreviewOutput,
    kind: 'read',
    access: MERGERS,
  }),
  'merges.list': defineMethod({
    summary: 'Merges, newest first (of one record type, or involving one record).',
    input: MergeListInput,
    output: z.object({ items: z.array(MergeEntry) }),
    kind: 'read',
    access: 'user',
  }),
};
