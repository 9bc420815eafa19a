import { IconFile } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { SearchGroup, SearchSubtitlePart } from '../../../../shared/schemas/search';
import { SECTIONS } from '../../app/navigation';
import { useFormatters, type Formatters } from '../records/format';
import { recordTypeConfig } from '../records/registry';
import type { FieldSpec } from '../records/types';
import type { PaletteEntry } from './entries';

/** Fields a result's title is made of: a match there shows as the highlight, no note needed. */
const TITLE_FIELDS = new Set(['name', 'firstName', 'lastName', 'subject', 'number']);

/** A result's second line in the user's language: statuses and types by their labels, dates formatted. */
function subtitleText(parts: readonly SearchSubtitlePart[], fields: readonly FieldSpec[], format: Formatters): string | null {
  const texts = parts.map((part) => {
    if (part.kind === 'date') return part.value.length === 10 ? format.day(part.value) : format.date(part.value);
    if (part.kind === 'enum') return format.value(fields.find((spec) => spec.key === part.field), part.value);
    return part.value;
  });
  return texts.join(' · ') || null;
}

/** `search.global`'s groups as entries that open the record's page; `onOpen` closes the dropdown. */
export function useRecordEntries(groups: readonly SearchGroup[], onOpen: () => void): PaletteEntry[] {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const format = useFormatters();
  return useMemo(
    () =>
      groups.flatMap(({ type, items }) => {
        const config = recordTypeConfig(type);
        if (!config) return []; // a type this build has no pages for
        const icon = SECTIONS.find((section) => section.key === type)?.icon ?? IconFile;
        return items.map((item): PaletteEntry => {
          const field = item.matchedField && !TITLE_FIELDS.has(item.matchedField) ? item.matchedField : null;
          const fieldLabel = field ? config.fields.find((spec) => spec.key === field)?.label : undefined;
          return {
            key: `${type}:${item.id}`,
            group: t(config.labels.plural),
            title: item.title,
            subtitle: subtitleText(item.subtitleParts, config.fields, format),
            note: field ? t('search.matchedOn', { field: fieldLabel ? t(fieldLabel) : field }) : null,
            icon,
            run: () => {
              onOpen();
              void navigate(`${config.path}/${item.id}`);
            },
          };
        });
      }),
    [groups, onOpen, navigate, t, format],
  );
}
