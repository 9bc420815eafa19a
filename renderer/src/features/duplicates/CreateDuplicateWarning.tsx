import { useTranslation } from 'react-i18next';
import { DuplicateCandidates } from './DuplicateCandidates';
import { useDuplicateCheck } from './use-duplicate-check';

/** Mounted in a create form: warns while the user types that the record may exist already; saving stays possible. */
export function CreateDuplicateWarning({ type, values }: { type: string; values: Record<string, unknown> }) {
  const { t } = useTranslation();
  const candidates = useDuplicateCheck(type, values);
  return <DuplicateCandidates candidates={candidates} body={t('duplicates.warning.createBody')} />;
}
