import { MultiSelect, NumberInput, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_TYPES } from '../../../../../shared/schemas/records/cases';
import type { ServiceSettings } from '../../../../../shared/schemas/service';
import { QueryState } from '../../admin/components/QueryState';
import { Section } from '../../admin/components/Section';
import { useUsers } from '../../records/users';
import { SaveHeader } from './SaveHeader';
import { useServiceSettings } from './use-service-settings';

type Draft = Omit<ServiceSettings, 'sla' | 'warnBeforeMinutes' | 'calendar'>;

/** A whole-number (or decimal) setting; an emptied box keeps the last value rather than sending nothing. */
function Amount(props: { label: string; hint?: string; value: number; onChange: (value: number) => void; min: number; max: number; decimals?: boolean }) {
  return (
    <NumberInput
      label={props.label}
      description={props.hint}
      value={props.value}
      onChange={(value) => typeof value === 'number' && props.onChange(value)}
      min={props.min}
      max={props.max}
      allowDecimal={props.decimals ?? false}
      decimalScale={props.decimals ? 1 : 0}
      clampBehavior="strict"
    />
  );
}

/** This page's part of the settings (the service levels page owns targets and calendar). */
function draftOf({ unknownSender, emailCaseType, intakeOwnerId, roundRobin, duplicates, atRisk, inboxFolder, maxAttachmentMb }: ServiceSettings): Draft {
  return { unknownSender, emailCaseType, intakeOwnerId, roundRobin, duplicates, atRisk, inboxFolder, maxAttachmentMb };
}

function SettingsForm({ saved }: { saved: ServiceSettings }) {
  const { t } = useTranslation();
  const { save } = useServiceSettings();
  const { users } = useUsers();
  const initial = draftOf(saved);
  const [draft, setDraft] = useState<Draft>(initial);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((current) => ({ ...current, [key]: value }));
  const staff = users.filter((user) => user.active && user.role !== 'readonly').map((user) => ({ value: user.id, label: user.displayName }));
  const dirty = JSON.stringify(draft) !== JSON.stringify(initial);
  const { atRisk, duplicates, roundRobin } = draft;

  return (
    <>
      <SaveHeader
        title={t('service.admin.nav.serviceSettings')}
        description={t('service.admin.capture.pageDescription')}
        canSave={dirty}
        saving={save.isPending}
        onSave={() => save.mutate(draft)}
      />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Stack gap="lg">
          <Section title={t('service.admin.capture.title')} description={t('service.admin.capture.description')}>
            <Select
              label={t('service.admin.capture.unknownSender')}
              data={(['contact', 'lead', 'none'] as const).map((value) => ({ value, label: t(`service.admin.capture.unknown.${value}`) }))}
              value={draft.unknownSender}
              onChange={(value) => value && set('unknownSender', value as Draft['unknownSender'])}
              allowDeselect={false}
            />
            <Select
              label={t('service.admin.capture.caseType')}
              data={CASE_TYPES.map((value) => ({ value, label: t(`service.caseTypes.${value}`) }))}
              value={draft.emailCaseType}
              onChange={(value) => value && set('emailCaseType', value as Draft['emailCaseType'])}
              allowDeselect={false}
            />
            <Select
              label={t('service.admin.capture.intakeOwner')}
              placeholder={t('service.admin.capture.intakeOwnerDefault')}
              data={staff}
              value={draft.intakeOwnerId}
              onChange={(value) => set('intakeOwnerId', value)}
              clearable
              searchable
            />
            <Switch
              label={t('service.admin.capture.roundRobin')}
              checked={roundRobin.enabled}
              onChange={(event) => set('roundRobin', { ...roundRobin, enabled: event.currentTarget.checked })}
            />
            <MultiSelect
              label={t('service.admin.capture.roundRobinUsers')}
              data={staff}
              value={roundRobin.userIds}
              onChange={(userIds) => set('roundRobin', { ...roundRobin, userIds })}
              searchable
              disabled={!roundRobin.enabled}
            />
            <TextInput
              label={t('service.admin.capture.inboxFolder')}
              description={t('service.admin.capture.inboxFolderHint')}
              value={draft.inboxFolder ?? ''}
              onChange={(event) => set('inboxFolder', event.currentTarget.value.trim() === '' ? null : event.currentTarget.value)}
            />
            <Amount label={t('service.admin.capture.maxAttachmentMb')} value={draft.maxAttachmentMb} onChange={(value) => set('maxAttachmentMb', value)} min={1} max={100} />
          </Section>
          <Section title={t('service.admin.duplicates.title')} description={t('service.admin.duplicates.description')}>
              <Amount label={t('service.admin.duplicates.windowDays')} value={duplicates.windowDays} onChange={(windowDays) => set('duplicates', { ...duplicates, windowDays })} min={1} max={365} />
              <Amount
                label={t('service.admin.duplicates.minScore')}
                value={Math.round(duplicates.minScore * 100)}
                onChange={(percent) => set('duplicates', { ...duplicates, minScore: percent / 100 })}
                min={5}
                max={100}
              />
          </Section>
        </Stack>
        <Section title={t('service.admin.atRisk.title')} description={t('service.admin.atRisk.description')}>
          <Amount label={t('service.admin.atRisk.openComplaints')} value={atRisk.openComplaintsAtLeast} onChange={(value) => set('atRisk', { ...atRisk, openComplaintsAtLeast: value })} min={1} max={1000} />
          <Amount label={t('service.admin.atRisk.satisfactionBelow')} value={atRisk.satisfactionBelow} onChange={(value) => set('atRisk', { ...atRisk, satisfactionBelow: value })} min={1} max={5} decimals />
          <Amount label={t('service.admin.atRisk.casesIn90Days')} value={atRisk.casesIn90DaysAtLeast} onChange={(value) => set('atRisk', { ...atRisk, casesIn90DaysAtLeast: value })} min={1} max={10_000} />
          <Amount label={t('service.admin.atRisk.noContactDays')} value={atRisk.noContactDays} onChange={(value) => set('atRisk', { ...atRisk, noContactDays: value })} min={1} max={3650} />
          <Amount
            label={t('service.admin.atRisk.minSignals')}
            hint={t('service.admin.atRisk.minSignalsHint')}
            value={atRisk.minSignals}
            onChange={(value) => set('atRisk', { ...atRisk, minSignals: value })}
            min={1}
            max={4}
          />
        </Section>
      </SimpleGrid>
    </>
  );
}

/** Settings > Service desk: what captured mail becomes, who gets it, duplicate detection, and the at-risk rules of the home page. */
export function ServiceSettingsPage() {
  const { settings } = useServiceSettings();
  return <QueryState query={settings}>{(saved) => <SettingsForm key={JSON.stringify(saved)} saved={saved} />}</QueryState>;
}
