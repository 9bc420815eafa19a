import { Select } from '@mantine/core';
import type { KeyboardEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions, useUsers } from './users';

interface Props {
  value: string | null;
  onChange: (value: string | null) => void;
  label?: string;
  'aria-label'?: string;
  error?: ReactNode;
  required?: boolean;
  autoFocus?: boolean;
  onKeyDown?: (event: KeyboardEvent<HTMLElement>) => void;
  withinPortal?: boolean;
  placeholder?: string;
  clearable?: boolean;
  /** Offer everyone (a filter), not only the people this user may give records to (an assignment). */
  everyone?: boolean;
}

/** Picks an owner: for an assignment only people whose records this user could then change. */
export function OwnerSelect({ value, onChange, everyone = false, withinPortal = true, ...props }: Props) {
  const { t } = useTranslation();
  const { users } = useUsers();
  const { assignable } = usePermissions();
  const choices = everyone ? users.filter((user) => user.active) : assignable;
  const current = value && !choices.some((user) => user.id === value) ? users.filter((user) => user.id === value) : [];
  return (
    <Select
      {...props}
      searchable
      allowDeselect={Boolean(props.clearable)}
      nothingFoundMessage={t('records.list.noMatches')}
      data={[...current, ...choices].map((user) => ({ value: user.id, label: user.displayName }))}
      value={value}
      onChange={onChange}
      comboboxProps={{ withinPortal }}
    />
  );
}
