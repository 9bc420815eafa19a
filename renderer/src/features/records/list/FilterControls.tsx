import { Group, MultiSelect, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fromLocalInput, toLocalInput } from '../format';
import { RecordPicker } from '../RecordPicker';
import type { FilterSpec, TKey } from '../types';

type Range = { gte?: string; lt?: string };

function asRange(value: unknown): Range {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Range) : {};
}

/** The ISO instant of the day after `date` (a `YYYY-MM-DD`), local midnight: "to" dates are inclusive. */
function dayAfter(date: string): string | undefined {
  const start = fromLocalInput(date);
  if (!start) return undefined;
  const next = new Date(start);
  next.setDate(next.getDate() + 1);
  return next.toISOString();
}

function dayBefore(iso: string): string {
  const date = new Date(iso);
  date.setDate(date.getDate() - 1);
  return toLocalInput(date.toISOString()).slice(0, 10);
}

/** A from/to pair of dates over a timestamp field: `{gte: from 00:00, lt: the day after "to"}`. */
export function DateRangeFilter({ label, value, onChange }: { label: TKey; value: unknown; onChange: (value: Range | undefined) => void }) {
  const { t } = useTranslation();
  const range = asRange(value);
  const from = range.gte ? toLocalInput(range.gte).slice(0, 10) : '';
  const to = range.lt ? dayBefore(range.lt) : '';
  const set = (nextFrom: string, nextTo: string) => {
    const next: Range = {};
    const gte = nextFrom ? fromLocalInput(nextFrom) : null;
    if (gte) next.gte = gte;
    const lt = nextTo ? dayAfter(nextTo) : undefined;
    if (lt) next.lt = lt;
    onChange(next.gte || next.lt ? next : undefined);
  };
  const name = t(label);
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {name}
      </Text>
      <Group gap="xs" grow wrap="nowrap">
        <TextInput
          type="date"
          size="xs"
          aria-label={t('records.list.rangeFrom', { field: name })}
          value={from}
          onChange={(event) => set(event.currentTarget.value, to)}
        />
        <TextInput
          type="date"
          size="xs"
          aria-label={t('records.list.rangeTo', { field: name })}
          value={to}
          onChange={(event) => set(from, event.currentTarget.value)}
        />
      </Group>
    </Stack>
  );
}

function ContainsFilter({ spec, value, onChange }: { spec: FilterSpec; value: unknown; onChange: (value: unknown) => void }) {
  const { t } = useTranslation();
  const initial = value && typeof value === 'object' ? String((value as { contains?: unknown }).contains ?? '') : '';
  const [text, setText] = useState(initial);
  const commit = useDebouncedCallback((next: string) => onChange(next.trim() ? { contains: next.trim() } : undefined), 300);
  return (
    <TextInput
      size="xs"
      label={t(spec.label)}
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        commit(event.currentTarget.value);
      }}
    />
  );
}

/** One filter control from a type's config; `value` is the API filter value of its field. */
export function FilterControl({ spec, value, onChange }: { spec: FilterSpec; value: unknown; onChange: (value: unknown) => void }) {
  const { t } = useTranslation();
  switch (spec.kind) {
    case 'enum': {
      const chosen = value && typeof value === 'object' && Array.isArray((value as { in?: unknown }).in) ? ((value as { in: string[] }).in) : typeof value === 'string' ? [value] : [];
      return (
        <MultiSelect
          size="xs"
          label={t(spec.label)}
          data={spec.options.map((option) => ({ value: option.value, label: t(option.label) }))}
          value={chosen}
          onChange={(values) => onChange(values.length > 0 ? { in: values } : undefined)}
          clearable
          comboboxProps={{ withinPortal: false }}
        />
      );
    }
    case 'contains':
      return <ContainsFilter spec={spec} value={value} onChange={onChange} />;
    case 'reference':
      return (
        <RecordPicker
          label={t(spec.label)}
          refType={spec.refType}
          value={typeof value === 'string' ? value : null}
          onChange={(id) => onChange(id ?? undefined)}
          withinPortal={false}
        />
      );
    case 'dateRange':
      return <DateRangeFilter label={spec.label} value={value} onChange={onChange} />;
  }
}
