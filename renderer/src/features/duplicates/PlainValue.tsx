import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../records/format';
import { useRecordTitle } from '../records/titles';
import type { FieldSpec } from '../records/types';

/** A value as plain text (inside a radio's label a link would navigate instead of choosing). */
export function PlainValue({ spec, value }: { spec: FieldSpec; value: unknown }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const title = useRecordTitle(spec.kind === 'reference' ? spec.refType : null, spec.kind === 'reference' ? String(value ?? '') || null : null);
  if (value === null || value === undefined || value === '') {
    return (
      <Text size="sm" c="dimmed" fs="italic">
        {t('duplicates.merge.empty')}
      </Text>
    );
  }
  return (
    <Text size="sm" style={{ overflowWrap: 'anywhere', whiteSpace: spec.kind === 'textarea' ? 'pre-wrap' : undefined }}>
      {spec.kind === 'reference' ? (title ?? '…') : format.value(spec, value)}
    </Text>
  );
}
