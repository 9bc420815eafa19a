import { Button, Group, Menu, Modal, Progress, Stack, Text } from '@mantine/core';
import { IconChevronDown, IconDownload } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodInput } from '../../../../../shared/methods';
import { call } from '../../../api/client';
import { useApiQuery } from '../../../api/hooks';
import { notifyError, notifySuccess } from '../../../components/notify';
import { downloadExport } from '../../import/export-download';
import type { RecordTypeName, SortState } from '../types';

type Format = MethodInput<'export.start'>['format'];
const POLL_MS = 400;

interface Props {
  type: RecordTypeName;
  /** The list as it is shown: its quick text, filter and sort. */
  list: { q?: string; filter: Record<string, unknown>; sort: SortState };
}

/** The export's progress while the backend writes the file, then the download; Cancel stops it. */
function ExportProgress({ jobId, type, onClose }: { jobId: string; type: RecordTypeName; onClose(): void }) {
  const { t } = useTranslation();
  const status = useApiQuery('export.status', { jobId }, { refetchInterval: (query) => (query.state.data?.state === 'running' || !query.state.data ? POLL_MS : false) });
  const handled = useRef(false);
  const data = status.data;

  useEffect(() => {
    if (!data || data.state === 'running' || handled.current) return;
    handled.current = true;
    if (data.state === 'done') {
      downloadExport(data)
        .then(() => notifySuccess(t('import.export.ready', { name: data.fileName })))
        .catch(notifyError)
        .finally(onClose);
      return;
    }
    if (data.state !== 'cancelled') notifyError(new Error(t('import.export.failed', { message: data.message ?? data.state })));
    onClose();
  }, [data, onClose, t]);

  const cancel = async () => {
    try {
      await call('export.cancel', { jobId });
    } catch (error) {
      notifyError(error);
    }
    handled.current = true;
    notifySuccess(t('import.export.cancelled'));
    onClose();
  };

  const processed = data?.processed ?? 0;
  const total = data?.total ?? 0;
  return (
    <Modal opened onClose={() => void cancel()} title={t('import.export.title', { type: t(`nav.${type}`) })} closeOnClickOutside={false}>
      <Stack>
        <Progress value={total > 0 ? Math.min(100, (processed / total) * 100) : 0} animated striped size="lg" aria-label={t('import.export.menu')} />
        <Text size="sm" c="dimmed" aria-live="polite">
          {t('import.export.progress', { processed: processed.toLocaleString(), total: total.toLocaleString() })}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => void cancel()}>
            {t('import.export.cancel')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** A list toolbar's Export menu: the rows of the current view (filters, quick text, sort) as CSV, Excel or vCard. */
export function ExportMenu({ type, list }: Props) {
  const { t } = useTranslation();
  const [jobId, setJobId] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const formats: Format[] = type === 'contacts' ? ['csv', 'xlsx', 'vcard'] : ['csv', 'xlsx'];

  const start = async (format: Format) => {
    setStarting(true);
    try {
      const status = await call('export.start', { type, format, filter: list.filter, sort: list.sort, ...(list.q ? { q: list.q } : {}) });
      setJobId(status.jobId);
    } catch (error) {
      notifyError(error);
    } finally {
      setStarting(false);
    }
  };

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" leftSection={<IconDownload size={16} />} rightSection={<IconChevronDown size={14} />} loading={starting}>
            {t('import.export.menu')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label maw={240}>{t('import.export.hint')}</Menu.Label>
          {formats.map((format) => (
            <Menu.Item key={format} onClick={() => void start(format)}>
              {t(`import.export.${format}`)}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      {jobId && <ExportProgress key={jobId} jobId={jobId} type={type} onClose={() => setJobId(null)} />}
    </>
  );
}
