import { SimpleGrid, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceSettings } from '../../../../../shared/schemas/service';
import { call } from '../../../api/client';
import { useApiQuery } from '../../../api/hooks';
import { notifySuccess } from '../../../components/notify';
import { QueryState } from '../../admin/components/QueryState';
import { DuePreviewCard } from './DuePreviewCard';
import { OfficeCalendarCard } from './OfficeCalendarCard';
import { SaveHeader } from './SaveHeader';
import { SlaTargetsCard } from './SlaTargetsCard';

type Draft = Pick<ServiceSettings, 'sla' | 'warnBeforeMinutes' | 'calendar'> & { timeZone: string };

function LevelsForm({ saved }: { saved: Draft }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(saved);
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved);
  // The time zone is an office setting of its own; the rest belongs to the service desk.
  const save = useMutation({
    mutationFn: async ({ timeZone, ...service }: Draft) => {
      if (timeZone !== saved.timeZone) await call('settings.update', { timeZone });
      return call('cases.settings.update', service);
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ predicate: (query) => ['settings.get', 'cases.settings.get'].includes(String(query.queryKey[0])) });
      notifySuccess(t('service.admin.saved'));
    },
  });
  return (
    <>
      <SaveHeader
        title={t('service.admin.nav.serviceLevels')}
        description={t('service.admin.sla.pageDescription')}
        canSave={dirty}
        saving={save.isPending}
        onSave={() => save.mutate(draft)}
      />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Stack gap="lg">
          <SlaTargetsCard
            sla={draft.sla}
            warnBeforeMinutes={draft.warnBeforeMinutes}
            onChange={(sla) => setDraft({ ...draft, sla })}
            onWarnChange={(warnBeforeMinutes) => setDraft({ ...draft, warnBeforeMinutes })}
          />
          <DuePreviewCard sla={draft.sla} calendar={draft.calendar} timeZone={draft.timeZone} />
        </Stack>
        <OfficeCalendarCard
          calendar={draft.calendar}
          timeZone={draft.timeZone}
          onCalendarChange={(calendar) => setDraft({ ...draft, calendar })}
          onTimeZoneChange={(timeZone) => setDraft({ ...draft, timeZone })}
        />
      </SimpleGrid>
    </>
  );
}

/** Settings > Service levels: SLA targets per priority and the office calendar they are counted on. */
export function ServiceLevelsPage() {
  const service = useApiQuery('cases.settings.get', {}, { meta: { silent: true } });
  const office = useApiQuery('settings.get', {}, { meta: { silent: true } });
  const both = {
    data: service.data && office.data ? { sla: service.data.sla, warnBeforeMinutes: service.data.warnBeforeMinutes, calendar: service.data.calendar, timeZone: office.data.timeZone } : undefined,
    isPending: service.isPending || office.isPending,
    isError: service.isError || office.isError,
    error: service.error ?? office.error,
    refetch: () => Promise.all([service.refetch(), office.refetch()]),
  };
  // Keyed by what was saved, so the form starts over from the server's answer after a save.
  return <QueryState query={both}>{(saved) => <LevelsForm key={JSON.stringify(saved)} saved={saved} />}</QueryState>;
}
