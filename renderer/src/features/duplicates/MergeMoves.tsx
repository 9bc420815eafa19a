import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../shared/methods';

type Moves = MethodOutput<'merges.preview'>['moves'];

/** "Moves 1 case, 3 activities from Johnny Smith to John Smith." before the user confirms a merge. */
export function MergeMoves({ moves, sources, survivor }: { moves: Moves; sources: readonly string[]; survivor: string }) {
  const { t } = useTranslation();
  const separator = t('duplicates.merge.movesSeparator');
  const items = moves.map((move) => t(`duplicates.merge.moves.${move.kind}`, { count: move.count })).join(separator);
  const values = { records: sources.join(separator), name: survivor };
  return (
    <Text size="sm" data-testid="merge-moves">
      {moves.length === 0 ? t('duplicates.merge.movesNone', values) : t('duplicates.merge.movesSummary', { ...values, items })}
    </Text>
  );
}
