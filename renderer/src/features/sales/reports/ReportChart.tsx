import '@mantine/charts/styles.css';
import { BarChart, type BarChartSeries } from '@mantine/charts';
import { Paper, Title } from '@mantine/core';

interface ReportChartProps {
  title: string;
  height: number;
  data: Record<string, unknown>[];
  dataKey: string;
  series: BarChartSeries[];
  valueFormatter?: (value: number) => string;
}

/** A report's bar chart in its titled card, above the report's table. */
export function ReportChart({ title, height, data, dataKey, series, valueFormatter }: ReportChartProps) {
  return (
    <Paper withBorder radius="lg" p="lg" mb="md" component="section" aria-label={title}>
      <Title order={2} fz="h4" mb="md">
        {title}
      </Title>
      <BarChart h={height} data={data} dataKey={dataKey} valueFormatter={valueFormatter} series={series} withLegend tickLine="y" />
    </Paper>
  );
}
