import { RecordCreateModal } from '../records/record/RecordCreateModal';
import type { RecordTypeConfig } from '../records/types';
import { useDefaultPipeline, usePipelines } from '../sales/pipelines';
import { CREATABLE_CONFIGS, type CreatableType } from './creatable';

/** The values each list page's "New" button starts its form with (see the ListPages / CasesPage). */
const INITIAL: Partial<Record<CreatableType, Record<string, unknown>>> = {
  leads: { status: 'new' },
  cases: { type: 'question', priority: 'normal', origin: 'phone' },
};

/**
 * The create form of a type, opened from the palette: the same modal the list page opens, and like
 * there the new record's page opens after saving.
 */
export function PaletteCreateModal({ type, onClose }: { type: CreatableType; onClose: () => void }) {
  if (type === 'opportunities') return <OpportunityCreate onClose={onClose} />;
  // The modal is generic in the record's shape; the union of the five configs is not one shape.
  const config = CREATABLE_CONFIGS[type] as unknown as RecordTypeConfig;
  return <RecordCreateModal key={type} config={config} opened onClose={onClose} initial={INITIAL[type]} />;
}

/** A deal starts in the default pipeline's first open stage, so wait for the pipelines before opening. */
function OpportunityCreate({ onClose }: { onClose: () => void }) {
  const loading = usePipelines().isPending;
  const pipeline = useDefaultPipeline();
  if (loading) return null;
  const firstStage = pipeline?.stages.find((stage) => stage.kind === 'open')?.name;
  return (
    <RecordCreateModal config={CREATABLE_CONFIGS.opportunities} opened onClose={onClose} initial={firstStage ? { stage: firstStage } : undefined} />
  );
}
