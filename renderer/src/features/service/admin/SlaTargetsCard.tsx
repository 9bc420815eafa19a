import { NumberInput, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CASE_PRIORITIES, type CasePriority } from '../../../../../shared/schemas/records/cases';
import type { ServiceSettings, SlaTarget } from '../../../../../shared/schemas/service';
import { Section } from '../../admin/components/Section';

type Sla = ServiceSettings['sla'];

/** Minutes as hours for the inputs ('' = no target); hours back to whole minutes. */
const toHours = (minutes: number | null) => (minutes === null ? '' : Math.round((minutes / 60) * 100) / 100);
const toMinutes = (hours: number | string) => (hours === '' || typeof hours !== 'number' ? null : Math.max(1, Math.round(hours * 60)));

/** First-response and resolution targets per priority, in business hours (empty: no target). */
interface Props {
  sla: Sla;
  warnBeforeMinutes: number;
  onChange: (sla: Sla) => void;
  onWarnChange: (minutes: number) => void;
}

export function SlaTargetsCard({ sla, warnBeforeMinutes, onChange, onWarnChange }: Props) {
  const { t } = useTranslation();
  const set = (priority: CasePriority, field: keyof SlaTarget, hours: number | string) =>
    onChange({ ...sla, [priority]: { ...sla[priority], [field]: toMinutes(hours) } });
  const input = (priority: CasePriority, field: keyof SlaTarget, label: string) => (
    <NumberInput
      aria-label={`${t(`service.casePriorities.${priority}`)}: ${label}`}
      value={toHours(sla[priority][field])}
      onChange={(value) => set(priority, field, value)}
      min={0}
      decimalScale={2}
      placeholder={t('service.admin.sla.noTarget')}
      rightSection={<span style={{ fontSize: 12, color: 'var(--mantine-color-dimmed)' }}>{t('service.admin.sla.hoursUnit')}</span>}
      rightSectionWidth={36}
      w={140}
    />
  );
  return (
    <Section title={t('service.admin.sla.title')} description={t('service.admin.sla.description')}>
      <Table verticalSpacing={6} aria-label={t('service.admin.sla.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('service.cases.fields.priority')}</Table.Th>
            <Table.Th>{t('service.admin.sla.firstResponse')}</Table.Th>
            <Table.Th>{t('service.admin.sla.resolution')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...CASE_PRIORITIES].reverse().map((priority) => (
            <Table.Tr key={priority}>
              <Table.Td fw={500}>{t(`service.casePriorities.${priority}`)}</Table.Td>
              <Table.Td>{input(priority, 'firstResponseMinutes', t('service.admin.sla.firstResponse'))}</Table.Td>
              <Table.Td>{input(priority, 'resolutionMinutes', t('service.admin.sla.resolution'))}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <NumberInput
        label={t('service.admin.sla.warnBefore')}
        description={t('service.admin.sla.warnBeforeHint')}
        value={warnBeforeMinutes}
        onChange={(value) => onWarnChange(typeof value === 'number' ? Math.max(0, Math.round(value)) : 0)}
        min={0}
        max={10_080}
        allowDecimal={false}
        maw={320}
      />
    </Section>
  );
}
