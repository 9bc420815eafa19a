import { Group, Loader, Select, Stack, Text } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../../auth/session-context';
import { FileDropZone } from '../../../components/FileDropZone';
import { importTypeLabel } from '../field-label';
import { canImport, IMPORT_TYPES, isImportType, type ImportType } from '../import-types';

interface Props {
  type: ImportType;
  onType(type: ImportType): void;
  onFile(file: File): void;
  /** The name of the file being read and previewed, while it is. */
  reading: string | null;
}

/** Step 1: the record type, and a CSV file dropped on the zone or picked. */
export function FileStep({ type, onType, onFile, reading }: Props) {
  const { t } = useTranslation();
  const { role } = useCurrentUser();
  return (
    <Stack>
      <Select
        label={t('import.file.type')}
        data={IMPORT_TYPES.filter((value) => canImport(role, value)).map((value) => ({ value, label: importTypeLabel(value) }))}
        value={type}
        onChange={(value) => isImportType(value) && onType(value)}
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
