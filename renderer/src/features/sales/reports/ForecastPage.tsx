import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Group, Paper, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../api/hooks';
import { PageHeader } from '../../../components/PageHeader';
import { OwnerSelect } from '../../records/OwnerSelect';
import { useFormatters } from '../../records/format';
import { periodInput, ReportFilters, type Period } from './ReportFilters';

/** "2026-11" as "Nov 2026" / "2026年11月". */
export function formatMonth(month: string, language: string): string {
  const date = new Date(`${month}-01T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? month : new Intl.DateTimeFormat(language, { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(date);
}

/** Open deals by close month and owner, amount and weighted amount, with what was won already. */
export function ForecastPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const [period, setPeriod] = useState<Period>({ from: '', to: '', pipelineId: null });
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const forecast = useApiQuery('reports.forecast', { ...periodInput(period), ...(ownerId ? { ownerId } : {}) }, { meta: { silent: true } });
  const rows = forecast.data?.rows ?? [];
  const totals = forecast.data?.totals;

  const byMonth = new Map<string, { month: string; amount: number; weighted: number; won: number }>();
  for (const row of rows) {
    const entry = byMonth.get(row.month) ?? { month: formatMonth(row.month, format.language), amount: 0, weighted: 0, won: 0 };
    entry.amount += row.amount;
    entry.weighted += row.weightedAmount;
    entry.won += row.wonAmount;
    byMonth.set(row.month, entry);
  }

  return (
    <>
      <PageHeader title={t('sales.reports.forecast')} description={t('sales.reports.forecastDescription')} />
      <Paper withBorder radius="lg" p="sm" mb="md">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <ReportFilters
            value={{ ...period, from: period.from || forecast.data?.from || '', to: period.to || forecast.data?.to || '' }}
            onChange={setPeriod}
          />
          <OwnerSelect label={t('sales.reports.owner')} placeholder={t('sales.reports.anyOwner')} value={ownerId} onChange={setOwnerId} clearable everyone />
        </Group>
      </Paper>
      {byMonth.size > 0 && (
        <Paper withBorder radius="lg" p="lg" mb="md" component="section" aria-label={t('sales.forecast.chart')}>
          <Title order={2} fz="h4" mb="md">
            {t('sales.forecast.chart')}
          </Title>
          <BarChart
            h={260}
            data={[...byMonth.values()]}
            dataKey="month"
            valueFormatter={(value) => format.money(value)}
            series={[
              { name: 'amount', label: t('sales.forecast.amount'), color: 'blue.4' },
              { name: 'weighted', label: t('sales.forecast.weighted'), color: 'indigo.6' },
              { name: 'won', label: t('sales.forecast.wonAmount'), color: 'teal.6' },
            ]}
            withLegend
            tickLine="y"
          />
        </Paper>
      )}
      <Paper withBorder radius="lg" style={{ overflowX: 'auto' }}>
        <Table striped highlightOnHover verticalSpacing={8} horizontalSpacing="md" aria-label={t('sales.reports.forecast')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('sales.forecast.month')}</Table.Th>
              <Table.Th>{t('sales.forecast.owner')}</Table.Th>
              <Table.Th ta="right">{t('sales.forecast.openCount')}</Table.Th>
              <Table.Th ta="right">{t('sales.forecast.amount')}</Table.Th>
              <Table.Th ta="right">{t('sales.forecast.weighted')}</Table.Th>
              <Table.Th ta="right">{t('sales.forecast.wonCount')}</Table.Th>
              <Table.Th ta="right">{t('sales.forecast.wonAmount')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={`${row.month}-${row.ownerId}`}>
                <Table.Td>{formatMonth(row.month, format.language)}</Table.Td>
                <Table.Td>{row.ownerName ?? format.userName(row.ownerId)}</Table.Td>
                <Table.Td ta="right">{format.number(row.openCount)}</Table.Td>
                <Table.Td ta="right">{format.money(row.amount)}</Table.Td>
                <Table.Td ta="right">{format.money(row.weightedAmount)}</Table.Td>
                <Table.Td ta="right">{format.number(row.wonCount)}</Table.Td>
                <Table.Td ta="right">{format.money(row.wonAmount)}</Table.Td>
              </Table.Tr>
            ))}
            {rows.length === 0 && !forecast.isPending && (
              <Table.Tr>
                <Table.Td colSpan={7}>
                  <Text c="dimmed" size="sm">
                    {t('sales.reports.empty')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
          {totals && rows.length > 0 && (
            <Table.Tfoot>
              <Table.Tr fw={700}>
                <Table.Td colSpan={2}>{t('sales.reports.total')}</Table.Td>
                <Table.Td ta="right">{format.number(totals.openCount)}</Table.Td>
                <Table.Td ta="right">{format.money(totals.amount)}</Table.Td>
                <Table.Td ta="right">{format.money(totals.weightedAmount)}</Table.Td>
                <Table.Td ta="right">{format.number(totals.wonCount)}</Table.Td>
                <Table.Td ta="right">{format.money(totals.wonAmount)}</Table.Td>
              </Table.Tr>
            </Table.Tfoot>
          )}
        </Table>
      </Paper>
    </>
  );
}
