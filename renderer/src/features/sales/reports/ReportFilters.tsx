import { Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePipelines } from '../pipelines';

export interface Period {
  from: string;
  to: string;
  pipelineId: string | null;
}

/** From, to and pipeline: the filters every sales report shares. */
export function ReportFilters({ value, onChange }: { value: Period; onChange: (next: Period) => void }) {
  const { t } = useTranslation();
  const pipelines = usePipelines();
  return (
    <>
      <TextInput type="date" label={t('sales.reports.from')} value={value.from} onChange={(event) => onChange({ ...value, from: event.currentTarget.value })} />
      <TextInput type="date" label={t('sales.reports.to')} value={value.to} onChange={(event) => onChange({ ...value, to: event.currentTarget.value })} />
      <Select
        label={t('sales.reports.pipeline')}
        placeholder={t('sales.reports.allPipelines')}
        data={(pipelines.data?.items ?? []).map((pipeline) => ({ value: pipeline.id, label: pipeline.name }))}
        value={value.pipelineId}
        onChange={(pipelineId) => onChange({ ...value, pipelineId })}
        clearable
        w={200}
      />
    </>
  );
}

/** The API's optional period fields from the form's. */
export function periodInput(period: Period) {
  return {
    ...(period.from ? { from: period.from } : {}),
    ...(period.to ? { to: period.to } : {}),
    ...(period.pipelineId ? { pipelineId: period.pipelineId } : {}),
  };
}
