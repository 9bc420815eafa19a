import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../records/users';
import type { ApiRecord } from '../records/types';
import { DuplicateCandidates, type Candidate } from './DuplicateCandidates';
import { isDuplicateType } from './match-fields';
import { MergeDialog } from './MergeDialog';
import { useDuplicateCheck } from './use-duplicate-check';

/**
 * Mounted on a contact, account or lead page: the records that look like this one, checked with
 * its stored values (so it follows inline edits), each with a Merge action.
 */
export function RecordDuplicateWarning({ type, record }: { type: string; record: ApiRecord }) {
  const { t } = useTranslation();
  const permissions = usePermissions();
  const candidates = useDuplicateCheck(type, record as unknown as Record<string, unknown>, record.id);
  const [mergeWith, setMergeWith] = useState<string | null>(null);
  if (!isDuplicateType(type)) return null;
  // A lead can look like a contact, but only records of one type merge.
  const canMerge = (candidate: Candidate) => candidate.type === type && permissions.canEditOwnedBy(record.ownerId);
  return (
    <>
      <DuplicateCandidates
        candidates={candidates}
        body={t('duplicates.warning.recordBody')}
        onMerge={(candidate) => setMergeWith(candidate.id)}
        canMerge={canMerge}
        mb="lg"
      />
      <MergeDialog type={type} ids={mergeWith ? [record.id, mergeWith] : []} opened={mergeWith !== null} onClose={() => setMergeWith(null)} />
    </>
  );
}
