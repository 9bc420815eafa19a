import { Button, Group, Paper, Select, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SALES_GROUPS } from '../../../../../shared/schemas/sales';
import type { MethodOutput } from '../../../../../shared/methods';
import { useApiQuery } from '../../../api/hooks';
import { DataTable, type DataColumn } from '../../../components/DataTable';
import { PageHeader } from '../../../components/PageHeader';
import { toCsv } from '../../records/csv';
import { downloadText } from '../../records/download';
import { useFormatters } from '../../records/format';
import { ReportChart } from './ReportChart';
import { periodInput, ReportFilters, type Period } from './ReportFilters';

type Group = (typeof SALES_GROUPS)[number];
type SalesRow = MethodOutput<'reports.sales'>['rows'][number];
/** A row of the table: a group, or (by account) every account after the top ones, summed. */
type TableRow = SalesRow & { otherAccounts?: number };

/** How many accounts the report by account lists before "Other accounts" (the API's default is 50). */
const ACCOUNT_LIMITS = [10, 20, 50, 100, 200, 500];
const DEFAULT_ACCOUNT_LIMIT = 50;

/** Open, won and lost deals grouped by owner, manager, product, account, month or stage: table, chart, CSV. */
export function SalesReportPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const [groupBy, setGroupBy] = useState<Group>('owner');
  const [period, setPeriod] = useState<Period>({ from: '', to: '', pipelineId: null });
  const [accountLimit, setAccountLimit] = useState(DEFAULT_ACCOUNT_LIMIT);
  const byAccount = groupBy === 'account';
  const report = useApiQuery('reports.sales', { groupBy, ...periodInput(period), ...(byAccount ? { limit: accountLimit } : {}) }, { meta: { silent: true } });
  const rows = report.data?.rows ?? [];
  const rest = report.data?.rest;
  const tableRows: TableRow[] = rest ? [...rows, { ...rest, key: null, label: '', otherAccounts: rest.groups }] : rows;
  const totals = report.data?.totals;
  const percent = (value: number | null) => (value === null ? '' : new Intl.NumberFormat(format.language, { style: 'percent', maximumFractionDigits: 1 }).format(value));
  const days = (value: number | null) => (value === null ? '' : format.number(Math.round(value * 10) / 10));
  const label = (row: TableRow) =>
    row.otherAccounts !== undefined
      ? t('sales.salesReport.otherAccounts', { accounts: format.number(row.otherAccounts) })
      : row.key === null
        ? t('sales.reports.none')
        : row.label;

  const columns: DataColumn<TableRow>[] = [
    {
      key: 'group',
      header: t(`sales.salesReport.groups.${groupBy}`),
      // "Other accounts" is a sum, not an account: set apart in italics.
      cell: (row) => (row.otherAccounts === undefined ? label(row) : <Text span inherit fs="italic">{label(row)}</Text>),
      total: t('sales.reports.total'),
    },
    { key: 'open', header: t('sales.salesReport.open'), numeric: true, cell: (row) => format.number(row.open), total: totals && format.number(totals.open) },
    { key: 'won', header: t('sales.salesReport.won'), numeric: true, cell: (row) => format.number(row.won), total: totals && format.number(totals.won) },
    { key: 'lost', header: t('sales.salesReport.lost'), numeric: true, cell: (row) => format.number(row.lost), total: totals && format.number(totals.lost) },
    { key: 'openAmount', header: t('sales.salesReport.openAmount'), numeric: true, cell: (row) => format.money(row.openAmount), total: totals && format.money(totals.openAmount) },
    { key: 'wonAmount', header: t('sales.salesReport.wonAmount'), numeric: true, cell: (row) => format.money(row.wonAmount), total: totals && format.money(totals.wonAmount) },
    { key: 'winRate', header: t('sales.salesReport.winRate'), numeric: true, cell: (row) => percent(row.winRate), total: totals && percent(totals.winRate) },
    { key: 'days', header: t('sales.salesReport.avgDaysToClose'), numeric: true, cell: (row) => days(row.avgDaysToClose), total: totals && days(totals.avgDaysToClose) },
  ];
  const headers = columns.map((column) => String(column.header));

  const exportCsv = () => {
    // Plain numbers in the file, so a spreadsheet can sum them; the header row is in the UI's language.
    const lines = tableRows.map((row) => [label(row), row.open, row.won, row.lost, row.openAmount, row.wonAmount, row.winRate === null ? '' : Math.round(row.winRate * 10000) / 10000, row.avgDaysToClose === null ? '' : Math.round(row.avgDaysToClose * 10) / 10]);
    downloadText(`sales-by-${groupBy}.csv`, toCsv([headers, ...lines]));
  };

  return (
    <>
      <PageHeader
        title={t('sales.reports.sales')}
        description={t('sales.reports.salesDescription')}
        actions={
          <Button variant="default" leftSection={<IconDownload size={16} />} onClick={exportCsv} disabled={rows.length === 0}>
            {t('sales.reports.exportCsv')}
          </Button>
        }
      />
      <Paper withBorder radius="lg" p="sm" mb="md">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Select
            label={t('sales.salesReport.groupBy')}
            data={SALES_GROUPS.map((value) => ({ value, label: t(`sales.salesReport.groups.${value}`) }))}
            value={groupBy}
            onChange={(value) => value && setGroupBy(value as Group)}
            allowDeselect={false}
            w={180}
          />
          <ReportFilters value={period} onChange={setPeriod} />
          {byAccount && (
            <Select
              label={t('sales.salesReport.limit')}
              data={ACCOUNT_LIMITS.map((value) => ({ value: String(value), label: t('sales.salesReport.topN', { count: value }) }))}
              value={String(accountLimit)}
              onChange={(value) => value && setAccountLimit(Number(value))}
              allowDeselect={false}
              w={120}
            />
          )}
        </Group>
      </Paper>
      {rows.length > 0 && (
        <ReportChart
          title={t('sales.salesReport.chart')}
          height={280}
          data={rows.slice(0, 30).map((row) => ({ label: label(row), won: row.won, lost: row.lost, open: row.open }))}
          dataKey="label"
          series={[
            { name: 'won', label: t('sales.salesReport.won'), color: 'teal.6' },
            { name: 'lost', label: t('sales.salesReport.lost'), color: 'red.5' },
            { name: 'open', label: t('sales.salesReport.open'), color: 'blue.4' },
          ]}
        />
      )}
      <DataTable
        label={t('sales.reports.sales')}
        testId="sales-report"
        columns={columns}
        rows={tableRows}
        rowKey={(row) => (row.otherAccounts !== undefined ? 'other-accounts' : (row.key ?? 'none'))}
        empty={t('sales.reports.empty')}
        loading={report.isPending}
        withTotals={!!totals}
      />
    </>
  );
}
