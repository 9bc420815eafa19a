import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { recordCall, recordKeys, type ListPage } from './api';
import { recordTypeConfig } from './registry';
import { useRecordTitle } from './titles';
import type { ApiRecord, RecordTypeName } from './types';

interface Props {
  refType: RecordTypeName;
  value: string | null;
  onChange: (value: string | null) => void;
  label?: string;
  'aria-label'?: string;
  placeholder?: string;
  error?: ReactNode;
  required?: boolean;
  autoFocus?: boolean;
  onKeyDown?: (event: KeyboardEvent<HTMLElement>) => void;
  withinPortal?: boolean;
  /** Records that may not be chosen (an account cannot be its own parent). */
  exclude?: string;
}

/** Chooses a record of another type by typing its name: the backend's quick filter finds it. */
export function RecordPicker({ refType, value, onChange, withinPortal = true, exclude, placeholder, ...props }: Props) {
  const { t } = useTranslation();
  const config = recordTypeConfig(refType);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const selectedTitle = useRecordTitle(refType, value);
  // Typing the selected name again would only find that one record: search from scratch instead.
  const q = debounced && debounced !== selectedTitle ? debounced : undefined;
  const input = { q, limit: 20 };
  const results = useQuery({
    queryKey: recordKeys.list(refType, input),
    queryFn: () => recordCall<ListPage<ApiRecord>>(refType, 'list', input),
    placeholderData: keepPreviousData,
    staleTime: 10_000,
    meta: { silent: true },
  });
  const options = new Map<string, string>();
  if (value) options.set(value, selectedTitle || t('common.loading'));
  for (const record of results.data?.items ?? []) {
    if (record.id !== exclude) options.set(record.id, config ? config.title(record) : record.id);
  }
  return (
    <Select
      {...props}
      placeholder={placeholder ?? t('records.list.typeToSearch')}
      searchable
      clearable={!props.required}
      data={[...options].map(([id, label]) => ({ value: id, label }))}
      // The backend already filtered by what was typed.
      filter={({ options: all }) => all}
      onSearchChange={setSearch}
      nothingFoundMessage={results.isFetching ? t('common.loading') : t('records.list.noMatches')}
      value={value}
      onChange={onChange}
      comboboxProps={{ withinPortal }}
    />
  );
}
