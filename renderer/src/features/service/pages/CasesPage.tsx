import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Case } from '../../../../../shared/schemas/records/cases';
import { PageHeader } from '../../../components/PageHeader';
import { RecordListPage } from '../../records/list/RecordListPage';
import { RecordCreateModal } from '../../records/record/RecordCreateModal';
import { EmailImport } from '../components/EmailImport';
import { QueueTable, type QueueName } from '../components/QueueTable';
import { casesConfig } from '../configs/cases';

const QUEUES: readonly QueueName[] = ['mine', 'unassigned', 'overdue', 'team'];
const CREATE_INITIAL = { type: 'question', priority: 'normal', origin: 'phone' };

/** Cases: every case (the generic list) or one work queue, chosen by the tabs above; the email import sits with the page's actions. */
export function CasesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get('queue') ?? 'all';
  return (
    <>
      <Tabs value={tab} onChange={(value) => setParams(value && value !== 'all' ? { queue: value } : {})} variant="pills" mb="md">
        <Tabs.List aria-label={t('service.queues.label')}>
          <Tabs.Tab value="all">{t('service.queues.all')}</Tabs.Tab>
          {QUEUES.map((queue) => (
            <Tabs.Tab key={queue} value={queue}>
              {t(`service.queues.${queue}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      {tab === 'all' || !QUEUES.includes(tab as QueueName) ? (
        <RecordListPage<Case>
          config={casesConfig}
          actions={<EmailImport />}
          renderCreate={(opened, onClose) => <RecordCreateModal config={casesConfig} opened={opened} onClose={onClose} initial={CREATE_INITIAL} />}
        />
      ) : (
        <>
          <PageHeader title={t(`service.queues.${tab as QueueName}`)} actions={<EmailImport />} />
          <QueueTable name={tab as QueueName} />
        </>
      )}
    </>
  );
}
