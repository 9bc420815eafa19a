import { ActionIcon, Badge, Button, Group, Select, Switch, Table, Text, TextInput } from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfficeCalendar } from '../../../../../shared/schemas/service';
import { Section } from '../../admin/components/Section';
import { useFormatters } from '../../records/format';

/** Monday first, as office weeks are read; the calendar itself counts 0 = Sunday. */
const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;
const CLOCK = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
const DEFAULT_HOURS = { start: '09:00', end: '17:00' };

function weekdayName(weekday: number, language: string): string {
  // 2026-11-01 was a Sunday.
  return new Intl.DateTimeFormat(language, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2026, 10, 1 + weekday)));
}

function timeZones(current: string): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return zones.includes(current) ? zones : [current, ...zones];
}

interface Props {
  calendar: OfficeCalendar;
  timeZone: string;
  onCalendarChange: (calendar: OfficeCalendar) => void;
  onTimeZoneChange: (timeZone: string) => void;
}

/** The office calendar the SLA clock runs on: hours per weekday, holidays, the office time zone. */
export function OfficeCalendarCard({ calendar, timeZone, onCalendarChange, onTimeZoneChange }: Props) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [holiday, setHoliday] = useState('');
  const zones = useMemo(() => timeZones(timeZone), [timeZone]);
  const setDay = (weekday: number, hours: OfficeCalendar['week'][number]) =>
    onCalendarChange({ ...calendar, week: calendar.week.map((day, index) => (index === weekday ? hours : day)) });
  const addHoliday = () => {
    if (!holiday || calendar.holidays.includes(holiday)) return;
    onCalendarChange({ ...calendar, holidays: [...calendar.holidays, holiday].sort() });
    setHoliday('');
  };

  return (
    <Section title={t('service.admin.calendar.title')} description={t('service.admin.calendar.description')}>
      <Select
        label={t('service.admin.calendar.timeZone')}
        description={t('service.admin.calendar.timeZoneHint')}
        data={zones}
        value={timeZone}
        onChange={(value) => value && onTimeZoneChange(value)}
        searchable
        allowDeselect={false}
        maw={320}
      />
      <Table verticalSpacing={6} aria-label={t('service.admin.calendar.hours')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('service.admin.calendar.day')}</Table.Th>
            <Table.Th>{t('service.admin.calendar.open')}</Table.Th>
            <Table.Th>{t('service.admin.calendar.from')}</Table.Th>
            <Table.Th>{t('service.admin.calendar.to')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {WEEK_ORDER.map((weekday) => {
            const hours = calendar.week[weekday] ?? null;
            const name = weekdayName(weekday, format.language);
            const time = (field: 'start' | 'end', label: string) =>
              hours && (
                <TextInput
                  aria-label={`${name}: ${label}`}
                  value={hours[field]}
                  onChange={(event) => setDay(weekday, { ...hours, [field]: event.currentTarget.value })}
                  error={CLOCK.test(hours[field]) ? undefined : t('service.admin.calendar.clockError')}
                  placeholder="09:00"
                  w={110}
                />
              );
            return (
              <Table.Tr key={weekday}>
                <Table.Td fw={500}>{name}</Table.Td>
                <Table.Td>
                  <Switch
                    aria-label={`${name}: ${t('service.admin.calendar.open')}`}
                    checked={hours !== null}
                    onChange={(event) => setDay(weekday, event.currentTarget.checked ? DEFAULT_HOURS : null)}
                  />
                </Table.Td>
                <Table.Td>{time('start', t('service.admin.calendar.from')) ?? <Text c="dimmed" size="sm">{t('service.admin.calendar.closed')}</Text>}</Table.Td>
                <Table.Td>{time('end', t('service.admin.calendar.to'))}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <div>
        <Text fw={500} size="sm" mb={6}>
          {t('service.admin.calendar.holidays')}
        </Text>
        <Group gap={6} mb="sm" data-testid="holidays">
          {calendar.holidays.length === 0 && (
            <Text c="dimmed" size="sm">
              {t('service.admin.calendar.noHolidays')}
            </Text>
          )}
          {calendar.holidays.map((date) => (
            <Badge
              key={date}
              variant="light"
              size="lg"
              rightSection={
                <ActionIcon
                  size="xs"
                  variant="transparent"
                  aria-label={t('service.admin.calendar.removeHoliday', { date })}
                  onClick={() => onCalendarChange({ ...calendar, holidays: calendar.holidays.filter((day) => day !== date) })}
                >
                  <IconX size={12} />
                </ActionIcon>
              }
            >
              {format.date(`${date}T12:00:00Z`)}
            </Badge>
          ))}
        </Group>
        <Group gap="sm" align="flex-end">
          <TextInput type="date" label={t('service.admin.calendar.holidayDate')} value={holiday} onChange={(event) => setHoliday(event.currentTarget.value)} />
          <Button variant="light" leftSection={<IconPlus size={16} />} disabled={!holiday} onClick={addHoliday}>
            {t('service.admin.calendar.addHoliday')}
          </Button>
        </Group>
      </div>
    </Section>
  );
}
