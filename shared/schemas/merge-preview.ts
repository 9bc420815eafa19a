import { z } from 'zod';
import { Id } from './common';
import { DuplicateType, MergeInput } from './duplicates';

/** The merge the user is about to confirm: the same records a `T.merge` call would name. */
export const MergePreviewInput = z.object({ type: DuplicateType, targetId: Id, sourceIds: MergeInput.shape.sourceIds }).strict();

/** The kinds of related record a merge moves to the survivor. */
export const MergeChildKind = z.enum(['contacts', 'accounts', 'activities', 'opportunities', 'cases', 'leads']);

export const MergePreviewOutput = z.object({
  targetId: Id,
  /**
   * Per kind, how many live records move from the merged records to the survivor (ones in the
   * recycle bin move too, uncounted). Kinds with none are left out. Child accounts of an account are
   * `accounts`; the deals a contact is on are `opportunities`; converted leads are `leads`.
   */
  moves: z.array(z.object({ kind: MergeChildKind, count: z.number().int() })),
  /**
   * The fields whose values are not the same in every record, each record's value (as `T.get` gives
   * it) and the record whose value survives unless another is picked (`keep`).
   */
  fields: z.array(
    z.object({
      field: z.string(),
      values: z.array(z.object({ id: Id, value: z.unknown() })),
      keep: Id,
    }),
  ),
});
