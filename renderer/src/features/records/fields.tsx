import { Anchor, Select, Text, TextInput, Textarea } from '@mantine/core';
import type { KeyboardEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fromLocalInput, toLocalInput, useFormatters } from './format';
import { OwnerSelect } from './OwnerSelect';
import { RecordLink } from './RecordLink';
import { RecordPicker } from './RecordPicker';
import type { FieldSpec } from './types';

/** Form fields hold text (or a chosen id/value); `fromDraft` turns it into the API's value. */
export type Draft = string | null;

export function toDraft(spec: FieldSpec, value: unknown): Draft {
  if (value === null || value === undefined) return spec.kind === 'enum' || spec.kind === 'user' || spec.kind === 'reference' ? null : '';
  if (spec.kind === 'datetime') return toLocalInput(String(value));
  if (spec.kind === 'date') return String(value).slice(0, 10);
  return String(value);
}

export type Parsed = { ok: true; value: unknown } | { ok: false; error: 'required' | 'number' };

export function fromDraft(spec: FieldSpec, draft: Draft): Parsed {
  const text = (draft ?? '').trim();
  if (spec.required && text === '') return { ok: false, error: 'required' };
  switch (spec.kind) {
    case 'int':
    case 'money': {
      if (text === '') return { ok: true, value: null };
      const number = Number(text.replace(/[,\s]/g, ''));
      if (!Number.isFinite(number) || (spec.kind === 'int' && !Number.isInteger(number))) return { ok: false, error: 'number' };
      return { ok: true, value: number };
    }
    case 'datetime':
      return { ok: true, value: fromLocalInput(text) };
    case 'enum':
    case 'user':
    case 'reference':
      return { ok: true, value: draft || null };
    default:
      // Text goes as typed (the backend trims); an empty field clears the value.
      return { ok: true, value: text === '' ? null : (draft ?? '') };
  }
}

interface FieldInputProps {
  spec: FieldSpec;
  value: Draft;
  onChange: (value: Draft) => void;
  error?: ReactNode;
  /** The visible label; inline editors hide it and name the input with aria-label instead. */
  label?: string;
  ariaLabel?: string;
  autoFocus?: boolean;
  onKeyDown?: (event: KeyboardEvent<HTMLElement>) => void;
  /** Keeps a select's dropdown inside a modal or popover (and lets Esc close it first). */
  withinPortal?: boolean;
}

/** Kinds typed into a browser input of their own type (the date pickers give the API's formats). */
const INPUT_TYPES: Partial<Record<FieldSpec['kind'], string>> = { datetime: 'datetime-local', date: 'date', email: 'email', phone: 'tel' };

/** The input for one field, by its kind. */
export function FieldInput({ spec, value, onChange, error, label, ariaLabel, autoFocus, onKeyDown, withinPortal = true }: FieldInputProps) {
  const { t } = useTranslation();
  const common = {
    label,
    'aria-label': ariaLabel,
    error,
    required: spec.required,
    autoFocus,
    'data-autofocus': autoFocus || undefined,
  };
  switch (spec.kind) {
    case 'textarea':
      return (
        <Textarea
          {...common}
          value={value ?? ''}
          onChange={(event) => onChange(event.currentTarget.value)}
          onKeyDown={onKeyDown}
          autosize
          minRows={3}
          maxRows={12}
          maxLength={spec.maxLength}
        />
      );
    case 'enum':
      return (
        <Select
          {...common}
          data={(spec.options ?? []).map((option) => ({ value: option.value, label: t(option.label) }))}
          value={value}
          onChange={onChange}
          clearable={!spec.required}
          allowDeselect={!spec.required}
          onKeyDown={onKeyDown}
          comboboxProps={{ withinPortal }}
        />
      );
    case 'user':
      return <OwnerSelect {...common} value={value} onChange={onChange} onKeyDown={onKeyDown} withinPortal={withinPortal} />;
    case 'reference':
      return (
        <RecordPicker {...common} refType={spec.refType!} value={value} onChange={onChange} onKeyDown={onKeyDown} withinPortal={withinPortal} />
      );
    default:
      return (
        <TextInput
          {...common}
          type={INPUT_TYPES[spec.kind] ?? 'text'}
          inputMode={spec.kind === 'int' ? 'numeric' : spec.kind === 'money' ? 'decimal' : undefined}
          value={value ?? ''}
          onChange={(event) => onChange(event.currentTarget.value)}
          onKeyDown={onKeyDown}
          maxLength={spec.maxLength}
        />
      );
  }
}

/** A field's value for reading: links for references, mail and phone; always rendered as text. */
export function FieldValue({ spec, value }: { spec: FieldSpec; value: unknown }) {
  const format = useFormatters();
  if (value === null || value === undefined || value === '') return null;
  if (spec.kind === 'reference') return <RecordLink type={spec.refType} id={String(value)} />;
  const text = format.value(spec, value);
  if (spec.kind === 'email') return <Anchor href={`mailto:${text}`} size="sm">{text}</Anchor>;
  if (spec.kind === 'phone') return <Anchor href={`tel:${text}`} size="sm">{text}</Anchor>;
  // Only web addresses become links: a stored "javascript:" must never be clickable.
  if (spec.kind === 'url' && /^https?:\/\//i.test(text)) {
    return (
      <Anchor href={text} target="_blank" rel="noreferrer noopener" size="sm">
        {text}
      </Anchor>
    );
  }
  return (
    <Text size="sm" style={{ whiteSpace: spec.kind === 'textarea' ? 'pre-wrap' : undefined, overflowWrap: 'anywhere' }}>
      {text}
    </Text>
  );
}
