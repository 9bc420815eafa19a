import { Alert, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MINUTE_MS, addBusinessMs } from '../../../../../shared/business-hours';
import { CASE_PRIORITIES } from '../../../../../shared/schemas/records/cases';
import type { OfficeCalendar, ServiceSettings } from '../../../../../shared/schemas/service';
import { Section } from '../../admin/components/Section';
import { useFormatters } from '../../records/format';

interface Props {
  sla: ServiceSettings['sla'];
  calendar: OfficeCalendar;
  timeZone: string;
}

/** What the draft means: when a case created right now would be due, per priority (in the viewer's time zone). */
export function DuePreviewCard({ sla, calendar, timeZone }: Props) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);

  const due = (minutes: number | null) => {
    if (minutes === null) return null;
    // The backend's own arithmetic, on the unsaved draft; a zone Intl does not know has no answer yet.
    let at: number | null;
    try {
      at = addBusinessMs(now, minutes * MINUTE_MS, calendar, timeZone);
    } catch {
      at = null;
    }
    return at === null ? t('service.admin.preview.never') : format.dateTime(new Date(at).toISOString());
  };
  const urgent = { first: due(sla.urgent.firstResponseMinutes), resolution: due(sla.urgent.resolutionMinutes) };

  return (
    <Section title={t('service.admin.preview.title')} description={t('service.admin.preview.description')}>
      <Alert variant="light" color="red" data-testid="due-preview-urgent">
        {urgent.first || urgent.resolution
          ? t('service.admin.preview.urgent', {
              first: urgent.first ?? t('service.admin.sla.noTarget'),
              resolution: urgent.resolution ?? t('service.admin.sla.noTarget'),
            })
          : t('service.admin.preview.urgentNone')}
      </Alert>
      <Table verticalSpacing={6} aria-label={t('service.admin.preview.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('service.cases.fields.priority')}</Table.Th>
            <Table.Th>{t('service.cases.fields.firstResponseDueAt')}</Table.Th>
            <Table.Th>{t('service.cases.fields.resolutionDueAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...CASE_PRIORITIES].reverse().map((priority) => (
            <Table.Tr key={priority} data-testid={`due-preview-row-${priority}`}>
              <Table.Td fw={500}>{t(`service.casePriorities.${priority}`)}</Table.Td>
              <Table.Td>{due(sla[priority].firstResponseMinutes) ?? <Text c="dimmed">{t('service.admin.sla.noTarget')}</Text>}</Table.Td>
              <Table.Td>{due(sla[priority].resolutionMinutes) ?? <Text c="dimmed">{t('service.admin.sla.noTarget')}</Text>}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Section>
  );
}
