import { Button, Group, Loader, Paper, Stepper, Text } from '@mantine/core';
import { IconArrowLeft, IconArrowRight, IconPlayerPlay } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { call } from '../../api/client';
import { notifyError } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { importLocale } from './field-label';
import { importTypeInfo, useImportTypes, type ImportTypeInfo } from './import-types';
import { readFileAsBase64 } from './read-file';
import { RecentImports } from './RecentImports';
import { FileStep } from './steps/FileStep';
import { JobStep } from './steps/JobStep';
import { MappingStep, type Mapping, type Match } from './steps/MappingStep';
import { PreviewStep, type Preview } from './steps/PreviewStep';
import { BUSY_STATES, useImportStatus } from './use-import-status';

/** The file being set up for import: its bytes (base64), the encoding the user picked (else detected) and its preview. */
interface Draft {
  fileName: string;
  base64: string;
  encoding?: string;
  preview: Preview;
}

const FILE = 0;
const PREVIEW = 1;
const MAPPING = 2;
const RUN = 3;
const DONE = 4;

/** The backend's suggestion for every column, and a match on the first natural key that has a column (in the type's first mode). */
function initialChoices(preview: Preview, info: ImportTypeInfo): { mapping: Mapping; match: Match | null } {
  const mapping = Object.fromEntries(preview.headers.map((header) => [header, preview.suggestedMapping[header] ?? null]));
  const mapped = new Set(Object.values(mapping));
  const key = preview.matchFields.find((field) => mapped.has(field));
  const mode = info.matchModes[0];
  return { mapping, match: key && mode ? { field: key, mode } : null };
}

/**
 * The import wizard at /import: type and file, preview, mapping, then the job's progress and summary.
 * `?type=` preselects the record type; `?job=` shows that import (so a reload or a link from the
 * recent imports comes back to its progress and undo).
 */
export function ImportPage() {
  const { t } = useTranslation();
  const types = useImportTypes();
  return (
    <>
      <PageHeader title={t('import.title')} description={t('import.description')} />
      {types.data ? (
        types.data.types.length > 0 ? (
          <ImportWizard types={types.data.types} />
        ) : (
          <Text c="dimmed">{t('import.file.noTypes')}</Text>
        )
      ) : (
        <Loader size="sm" aria-label={t('common.loading')} />
      )}
      <RecentImports />
    </>
  );
}

function ImportWizard({ types }: { types: ImportTypeInfo[] }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  // The type asked for when the user may import it, else contacts, else the first they may.
  const info = importTypeInfo(types, params.get('type')) ?? importTypeInfo(types, 'contacts') ?? types[0]!;
  const type = info.type;
  const jobId = params.get('job');
  const job = useImportStatus(jobId);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [step, setStep] = useState(FILE);
  const [reading, setReading] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const [mapping, setMapping] = useState<Mapping>({});
  const [match, setMatch] = useState<Match | null>(null);

  const previewFile = async (next: Omit<Draft, 'preview'>) => {
    setReading(next.fileName);
    try {
      const preview = await call('import.preview', {
        type,
        file: { base64: next.base64, ...(next.encoding ? { encoding: next.encoding } : {}) },
        fileName: next.fileName,
      });
      const choices = initialChoices(preview, info);
      setDraft({ ...next, preview });
      setMapping(choices.mapping);
      setMatch(choices.match);
      setStep(PREVIEW);
    } catch (error) {
      notifyError(error);
    } finally {
      setReading(null);
    }
  };

  const onFile = async (file: File) => {
    setReading(file.name);
    await previewFile({ fileName: file.name, base64: await readFileAsBase64(file) });
  };

  const start = async () => {
    if (!draft) return;
    setStarting(true);
    try {
      const { jobId: started } = await call('import.start', {
        type,
        file: { base64: draft.base64, ...(draft.encoding ? { encoding: draft.encoding } : {}) },
        fileName: draft.fileName,
        mapping,
        ...(match ? { match } : {}),
        locale: importLocale(),
      });
      setParams({ type, job: started });
    } catch (error) {
      notifyError(error);
    } finally {
      setStarting(false);
    }
  };

  const startOver = () => {
    setDraft(null);
    setStep(FILE);
    setParams({ type: job.data?.type ?? type });
  };

  // Past the last step (every step ticked) once the job has stopped.
  const active = jobId ? (job.data && !BUSY_STATES.has(job.data.state) ? DONE + 1 : RUN) : step;

  return (
    <Paper withBorder radius="lg" p="lg">
        <Stepper active={active} size="sm" mb="xl" allowNextStepsSelect={false}>
          <Stepper.Step label={t('import.steps.file')} description={t('import.steps.fileHint')} />
          <Stepper.Step label={t('import.steps.preview')} description={t('import.steps.previewHint')} />
          <Stepper.Step label={t('import.steps.mapping')} description={t('import.steps.mappingHint')} />
          <Stepper.Step label={t('import.steps.run')} description={t('import.steps.runHint')} />
          <Stepper.Step label={t('import.steps.done')} description={t('import.steps.doneHint')} />
        </Stepper>
        {jobId ? (
          <JobStep jobId={jobId} onAnother={startOver} />
        ) : step === FILE || !draft ? (
          <FileStep
            types={types}
            type={type}
            onType={(next) => {
              setDraft(null);
              setParams({ type: next });
            }}
            onFile={(file) => void onFile(file)}
            reading={reading}
          />
        ) : (
          <>
            {step === PREVIEW ? (
              <PreviewStep
                preview={draft.preview}
                fileName={draft.fileName}
                onEncoding={(encoding) => void previewFile({ ...draft, encoding: encoding === 'utf-8-bom' ? 'utf-8' : encoding })}
              />
            ) : (
              <MappingStep type={type} matchModes={info.matchModes} preview={draft.preview} mapping={mapping} onMapping={setMapping} match={match} onMatch={setMatch} />
            )}
            <Group justify="space-between" mt="xl">
              <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={() => setStep(step - 1)}>
                {t('import.back')}
              </Button>
              {step === PREVIEW ? (
                <Button rightSection={<IconArrowRight size={16} />} onClick={() => setStep(MAPPING)} disabled={draft.preview.totalRows === 0}>
                  {t('import.next')}
                </Button>
              ) : (
                <Button leftSection={<IconPlayerPlay size={16} />} loading={starting} onClick={() => void start()}>
                  {t('import.mapping.start')}
                </Button>
              )}
            </Group>
          </>
        )}
    </Paper>
  );
}
