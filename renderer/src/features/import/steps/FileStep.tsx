import { Group, Loader, Select, Stack, Text } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { FileDropZone } from '../../../components/FileDropZone';
import { importTypeLabel } from '../field-label';
import { importTypeInfo, type ImportType, type ImportTypeInfo } from '../import-types';

interface Props {
  /** What the user may import (import.types). */
  types: readonly ImportTypeInfo[];
  type: ImportType;
  onType(type: ImportType): void;
  onFile(file: File): void;
  /** The name of the file being read and previewed, while it is. */
  reading: string | null;
}

/** Step 1: the record type, and a CSV file dropped on the zone or picked. */
export function FileStep({ types, type, onType, onFile, reading }: Props) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Select
        label={t('import.file.type')}
        data={types.map((info) => ({ value: info.type, label: importTypeLabel(info.type) }))}
        value={type}
        onChange={(value) => {
          const info = importTypeInfo(types, value);
          if (info) onType(info.type);
        }}
        allowDeselect={false}
        w={280}
      />
      <FileDropZone
        p="xl"
        style={{ borderWidth: 2 }}
        label={t('import.file.dropZone')}
        inputLabel={t('import.file.choose')}
        inputTestId="import-file-input"
        accept=".csv,.txt,.tsv,text/csv,text/plain"
        onFiles={([file]) => file && onFile(file)}
      >
        <Group justify="center" gap="md" mih={120}>
          {reading ? <Loader size="md" /> : <IconFileSpreadsheet size={40} stroke={1.4} />}
          <Stack gap={2}>
            <Text fw={600}>{reading ? t('import.file.reading', { name: reading }) : t('import.file.drop')}</Text>
            <Text size="sm" c="dimmed">
              {t('import.file.dropHint')}
            </Text>
          </Stack>
        </Group>
      </FileDropZone>
    </Stack>
  );
}
