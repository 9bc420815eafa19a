import { Button, Group, Paper, ScrollArea, SegmentedControl, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodInput } from '../../../../../shared/methods';
import { useApiMutation, useApiQuery } from '../../../api/hooks';
import { notifySuccess } from '../../../components/notify';
import { importFieldLabel } from '../field-label';
import type { ImportType } from '../import-types';
import type { Preview } from './PreviewStep';

export type Mapping = Record<string, string | null>;
export type Match = NonNullable<MethodInput<'import.start'>['match']>;

const MODE_LABELS = {
  update: 'import.mapping.modeUpdate',
  skip: 'import.mapping.modeSkip',
  create: 'import.mapping.modeCreate',
} as const satisfies Record<Match['mode'], string>;

/** The Select value for "do not import this column" (an empty value would read as no choice). */
const SKIP = '__skip__';

interface Props {
  type: ImportType;
  /** What a match may do for this type (import.types: users and products are never updated). */
  matchModes: readonly Match['mode'][];
  preview: Preview;
  mapping: Mapping;
  onMapping(mapping: Mapping): void;
  match: Match | null;
  onMatch(match: Match | null): void;
}

/** A column's first non-empty cell in the preview, to show what the column holds. */
function sampleOf(preview: Preview, column: number): string {
  return preview.rows.find((row) => (row[column] ?? '').trim() !== '')?.[column] ?? '';
}

/** Step 3: a field per column (the backend's suggestion preselected), saved mappings, and how to match existing records. */
export function MappingStep({ type, matchModes, preview, mapping, onMapping, match, onMatch }: Props) {
  const { t } = useTranslation();
  const templates = useApiQuery('import.templates.list', { type });
  const save = useApiMutation('import.templates.save', {
    onSuccess: (template) => {
      notifySuccess(t('import.mapping.templateSaved', { name: template.name }));
      void templates.refetch();
    },
  });
  const [templateName, setTemplateName] = useState('');
  const used = new Set(Object.values(mapping).filter(Boolean));

  const fieldOptions = (current: string | null) => [
    { value: SKIP, label: t('import.mapping.skip') },
    ...preview.fields.map(({ field, required }) => {
      const label = importFieldLabel(type, field);
      return { value: field, label: required ? t('import.mapping.required', { field: label }) : label, disabled: used.has(field) && field !== current };
    }),
  ];

  const applyTemplate = (id: string | null) => {
    const template = templates.data?.items.find((item) => item.id === id);
    if (!template) return;
    // Only the file's own columns: a template made for another file may name columns this one lacks.
    onMapping(Object.fromEntries(preview.headers.map((header) => [header, template.mapping[header] ?? null])));
    onMatch(template.match);
  };

  return (
    <Stack>
      <Group align="flex-end" gap="md" wrap="wrap">
        <Select
          label={t('import.mapping.template')}
          placeholder={t('import.mapping.templatePlaceholder')}
          data={(templates.data?.items ?? []).map((item) => ({ value: item.id, label: item.name }))}
          onChange={applyTemplate}
          disabled={(templates.data?.items.length ?? 0) === 0}
          w={260}
        />
        <TextInput
          label={t('import.mapping.templateName')}
          placeholder={t('import.mapping.templateNamePlaceholder')}
          value={templateName}
          onChange={(event) => setTemplateName(event.currentTarget.value)}
          w={260}
        />
        <Button
          variant="default"
          leftSection={<IconDeviceFloppy size={16} />}
          disabled={templateName.trim() === ''}
          loading={save.isPending}
          onClick={() => save.mutate({ type, name: templateName.trim(), mapping, match })}
        >
          {t('import.mapping.saveTemplate')}
        </Button>
      </Group>
      <ScrollArea type="auto">
        <Table withTableBorder fz="sm" verticalSpacing={6} aria-label={t('import.steps.mapping')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('import.mapping.column')}</Table.Th>
              <Table.Th>{t('import.mapping.sample')}</Table.Th>
              <Table.Th>{t('import.mapping.field')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.headers.map((header, column) => {
              const current = mapping[header] ?? null;
              return (
                <Table.Tr key={`${header}-${column}`}>
                  <Table.Td fw={500}>{header}</Table.Td>
                  <Table.Td c="dimmed" maw={260} style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                    {sampleOf(preview, column)}
                  </Table.Td>
                  <Table.Td w={300}>
                    <Select
                      aria-label={t('import.mapping.fieldFor', { column: header })}
                      data={fieldOptions(current)}
                      value={current ?? SKIP}
                      onChange={(value) => onMapping({ ...mapping, [header]: !value || value === SKIP ? null : value })}
                      allowDeselect={false}
                      searchable
                      size="xs"
                    />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      {preview.matchFields.length > 0 && (
        <Paper withBorder radius="md" p="md">
          <Title order={3} fz="md" mb="sm">
            {t('import.mapping.matchTitle')}
          </Title>
          <Group align="flex-end" gap="lg" wrap="wrap">
            <Select
              label={t('import.mapping.matchField')}
              data={[
                { value: SKIP, label: t('import.mapping.matchNone') },
                ...preview.matchFields.map((field) => ({ value: field, label: importFieldLabel(type, field) })),
              ]}
              value={match?.field ?? SKIP}
              onChange={(value) => onMatch(!value || value === SKIP ? null : { field: value, mode: match?.mode ?? matchModes[0]! })}
              allowDeselect={false}
              w={260}
            />
            {match && (
              <Stack gap={4}>
                <Text size="sm" fw={500}>
                  {t('import.mapping.matchMode')}
                </Text>
                <SegmentedControl
                  aria-label={t('import.mapping.matchMode')}
                  value={match.mode}
                  onChange={(mode) => onMatch({ ...match, mode: mode as Match['mode'] })}
                  data={matchModes.map((mode) => ({ value: mode, label: t(MODE_LABELS[mode]) }))}
                />
              </Stack>
            )}
          </Group>
        </Paper>
      )}
    </Stack>
  );
}
