import { useApiQuery } from '../../api/hooks';

/** Active pipelines with their ordered stages, the default first (the change feed refreshes them). */
export function usePipelines() {
  return useApiQuery('pipelines.list', { includeInactive: false }, { staleTime: 60_000, meta: { silent: true } });
}

export function useDefaultPipeline() {
  const pipelines = usePipelines();
  return pipelines.data?.items.find((pipeline) => pipeline.isDefault) ?? pipelines.data?.items[0];
}

export type PipelineData = NonNullable<ReturnType<typeof useDefaultPipeline>>;
export type StageData = PipelineData['stages'][number];
