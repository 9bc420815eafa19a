import { Group, Paper } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../../shared/methods';
import { useApiQuery } from '../../../api/hooks';
import { DataTable, type DataColumn } from '../../../components/DataTable';
import { PageHeader } from '../../../components/PageHeader';
import { OwnerSelect } from '../../records/OwnerSelect';
import { useFormatters } from '../../records/format';
import { ReportChart } from './ReportChart';
import { periodInput, ReportFilters, type Period } from './ReportFilters';

type ForecastRow = MethodOutput<'reports.forecast'>['rows'][number];

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

  const columns: DataColumn<ForecastRow>[] = [
    { key: 'month', header: t('sales.forecast.month'), cell: (row) => formatMonth(row.month, format.language), total: t('sales.reports.total') },
    { key: 'owner', header: t('sales.forecast.owner'), cell: (row) => row.ownerName ?? format.userName(row.ownerId) },
    { key: 'open', header: t('sales.forecast.openCount'), numeric: true, cell: (row) => format.number(row.openCount), total: totals && format.number(totals.openCount) },
    { key: 'amount', header: t('sales.forecast.amount'), numeric: true, cell: (row) => format.money(row.amount), total: totals && format.money(totals.amount) },
    { key: 'weighted', header: t('sales.forecast.weighted'), numeric: true, cell: (row) => format.money(row.weightedAmount), total: totals && format.money(totals.weightedAmount) },
    { key: 'wonCount', header: t('sales.forecast.wonCount'), numeric: true, cell: (row) => format.number(row.wonCount), total: totals && format.number(totals.wonCount) },
    { key: 'wonAmount', header: t('sales.forecast.wonAmount'), numeric: true, cell: (row) => format.money(row.wonAmount), total: totals && format.money(totals.wonAmount) },
  ];

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
        <ReportChart
          title={t('sales.forecast.chart')}
          height={260}
          data={[...byMonth.values()]}
          dataKey="month"
          valueFormatter={(value) => format.money(value)}
          series={[
            { name: 'amount', label: t('sales.forecast.amount'), color: 'blue.4' },
            { name: 'weighted', label: t('sales.forecast.weighted'), color: 'indigo.6' },
            { name: 'won', label: t('sales.forecast.wonAmount'), color: 'teal.6' },
          ]}
        />
      )}
      <DataTable
        label={t('sales.reports.forecast')}
        columns={columns}
        rows={rows}
        rowKey={(row) => `${row.month}-${row.ownerId}`}
        empty={t('sales.reports.empty')}
        loading={forecast.isPending}
        withTotals={!!totals}
      />
    </>
  );
}
