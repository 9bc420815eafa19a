import { Badge, Group, ScrollArea, Select, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../../shared/methods';

export type Preview = MethodOutput<'import.preview'>;

const SHOWN_ROWS = 10;
/** What a user might pick when the detection guessed wrong (the backend decodes with iconv-lite, which knows these). */
const ENCODINGS = ['utf-8', 'gb18030', 'gbk', 'big5', 'shift_jis', 'euc-kr', 'utf-16le', 'windows-1252'];

interface Props {
  preview: Preview;
  fileName: string;
  onEncoding(encoding: string): void;
}

/** Step 2: the encoding and delimiter found, how many rows, and the first rows as a table. */
export function PreviewStep({ preview, fileName, onEncoding }: Props) {
  const { t } = useTranslation();
  const rows = preview.rows.slice(0, SHOWN_ROWS);
  const encodings = ENCODINGS.includes(preview.encoding) ? ENCODINGS : [preview.encoding, ...ENCODINGS];
  return (
    <Stack>
      <Group gap="md" align="flex-end">
        <Select
          label={t('import.preview.encoding')}
          description={t('import.preview.encodingHint')}
          data={encodings.map((value) => ({ value, label: value === 'utf-8-bom' ? 'UTF-8 (BOM)' : value.toUpperCase() }))}
          value={preview.encoding}
          onChange={(value) => value && value !== preview.encoding && onEncoding(value)}
          allowDeselect={false}
          w={220}
        />
        <Badge variant="light" size="lg" data-testid="preview-delimiter">
          {t('import.preview.delimiter')}: {preview.delimiter === '\t' ? t('import.preview.tab') : preview.delimiter}
        </Badge>
        <Badge variant="light" size="lg" color="teal" data-testid="preview-rows">
          {t('import.preview.rows', { count: preview.totalRows })}
        </Badge>
      </Group>
      {rows.length === 0 ? (
        <Text c="dimmed">{t('import.preview.empty')}</Text>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            {t('import.preview.firstRows', { count: rows.length, name: fileName })}
          </Text>
          <ScrollArea type="auto">
            <Table striped withTableBorder withColumnBorders fz="sm" aria-label={fileName}>
              <Table.Thead>
                <Table.Tr>
                  {preview.headers.map((header, index) => (
                    <Table.Th key={`${header}-${index}`} style={{ whiteSpace: 'nowrap' }}>
                      {header}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row, index) => (
                  <Table.Tr key={index}>
                    {preview.headers.map((_, column) => (
                      <Table.Td key={column} style={{ whiteSpace: 'nowrap' }}>
                        {row[column] ?? ''}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        </>
      )}
    </Stack>
  );
}
