import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Button, Group, Paper, Select, Table, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SALES_GROUPS } from '../../../../../shared/schemas/sales';
import { useApiQuery } from '../../../api/hooks';
import { PageHeader } from '../../../components/PageHeader';
import { toCsv } from '../../records/csv';
import { downloadText } from '../../records/download';
import { useFormatters } from '../../records/format';
import { periodInput, ReportFilters, type Period } from './ReportFilters';

type Group = (typeof SALES_GROUPS)[number];

/** Open, won and lost deals grouped by owner, manager, product, account, month or stage: table, chart, CSV. */
export function SalesReportPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const [groupBy, setGroupBy] = useState<Group>('owner');
  const [period, setPeriod] = useState<Period>({ from: '', to: '', pipelineId: null });
  const report = useApiQuery('reports.sales', { groupBy, ...periodInput(period) }, { meta: { silent: true } });
  const rows = report.data?.rows ?? [];
  const totals = report.data?.totals;
  const percent = (value: number | null) => (value === null ? '' : new Intl.NumberFormat(format.language, { style: 'percent', maximumFractionDigits: 1 }).format(value));
  const days = (value: number | null) => (value === null ? '' : format.number(Math.round(value * 10) / 10));
  const label = (row: { key: string | null; label: string }) => (row.key === null ? t('sales.reports.none') : row.label);

  const headers = [
    t(`sales.salesReport.groups.${groupBy}`),
    t('sales.salesReport.open'),
    t('sales.salesReport.won'),
    t('sales.salesReport.lost'),
    t('sales.salesReport.openAmount'),
    t('sales.salesReport.wonAmount'),
    t('sales.salesReport.winRate'),
    t('sales.salesReport.avgDaysToClose'),
  ];

  const exportCsv = () => {
    // Plain numbers in the file, so a spreadsheet can sum them; the header row is in the UI's language.
    const lines = rows.map((row) => [label(row), row.open, row.won, row.lost, row.openAmount, row.wonAmount, row.winRate === null ? '' : Math.round(row.winRate * 10000) / 10000, row.avgDaysToClose === null ? '' : Math.round(row.avgDaysToClose * 10) / 10]);
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
        </Group>
      </Paper>
      {rows.length > 0 && (
        <Paper withBorder radius="lg" p="lg" mb="md" component="section" aria-label={t('sales.salesReport.chart')}>
          <Title order={2} fz="h4" mb="md">
            {t('sales.salesReport.chart')}
          </Title>
          <BarChart
            h={280}
            data={rows.slice(0, 30).map((row) => ({ label: label(row), won: row.won, lost: row.lost, open: row.open }))}
            dataKey="label"
            series={[
              { name: 'won', label: t('sales.salesReport.won'), color: 'teal.6' },
              { name: 'lost', label: t('sales.salesReport.lost'), color: 'red.5' },
              { name: 'open', label: t('sales.salesReport.open'), color: 'blue.4' },
            ]}
            withLegend
            tickLine="y"
          />
        </Paper>
      )}
      <Paper withBorder radius="lg" style={{ overflowX: 'auto' }}>
        <Table striped highlightOnHover verticalSpacing={8} horizontalSpacing="md" aria-label={t('sales.reports.sales')} data-testid="sales-report">
          <Table.Thead>
            <Table.Tr>
              {headers.map((header, index) => (
                <Table.Th key={header} ta={index === 0 ? undefined : 'right'}>
                  {header}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.key ?? 'none'}>
                <Table.Td>{label(row)}</Table.Td>
                <Table.Td ta="right">{format.number(row.open)}</Table.Td>
                <Table.Td ta="right">{format.number(row.won)}</Table.Td>
                <Table.Td ta="right">{format.number(row.lost)}</Table.Td>
                <Table.Td ta="right">{format.money(row.openAmount)}</Table.Td>
                <Table.Td ta="right">{format.money(row.wonAmount)}</Table.Td>
                <Table.Td ta="right">{percent(row.winRate)}</Table.Td>
                <Table.Td ta="right">{days(row.avgDaysToClose)}</Table.Td>
              </Table.Tr>
            ))}
            {rows.length === 0 && !report.isPending && (
              <Table.Tr>
                <Table.Td colSpan={8}>
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
                <Table.Td>{t('sales.reports.total')}</Table.Td>
                <Table.Td ta="right">{format.number(totals.open)}</Table.Td>
                <Table.Td ta="right">{format.number(totals.won)}</Table.Td>
                <Table.Td ta="right">{format.number(totals.lost)}</Table.Td>
                <Table.Td ta="right">{format.money(totals.openAmount)}</Table.Td>
                <Table.Td ta="right">{format.money(totals.wonAmount)}</Table.Td>
                <Table.Td ta="right">{percent(totals.winRate)}</Table.Td>
                <Table.Td ta="right">{days(totals.avgDaysToClose)}</Table.Td>
              </Table.Tr>
            </Table.Tfoot>
          )}
        </Table>
      </Paper>
    </>
  );
}
