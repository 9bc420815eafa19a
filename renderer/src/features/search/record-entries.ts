import { IconFile } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { SearchGroup } from '../../../../shared/schemas/search';
import { SECTIONS } from '../../app/navigation';
import { recordTypeConfig } from '../records/registry';
import type { PaletteEntry } from './entries';

/** Fields a result's title is made of: a match there shows as the highlight, no note needed. */
const TITLE_FIELDS = new Set(['name', 'firstName', 'lastName', 'subject', 'number']);

/** `search.global`'s groups as entries that open the record's page; `onOpen` closes the dropdown. */
export function useRecordEntries(groups: readonly SearchGroup[], onOpen: () => void): PaletteEntry[] {
  const { t } = useTranslation();
  const navigate = useNavigate();
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
            subtitle: item.subtitle,
            note: field ? t('search.matchedOn', { field: fieldLabel ? t(fieldLabel) : field }) : null,
            icon,
            run: () => {
              onOpen();
              void navigate(`${config.path}/${item.id}`);
            },
          };
        });
      }),
    [groups, onOpen, navigate, t],
  );
}
