import { Button, Checkbox, Group, Paper, Select, Stack, Tabs, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Case } from '../../../../../shared/schemas/records/cases';
import { useApiMutation, useApiQuery } from '../../../api/hooks';
import { notifySuccess } from '../../../components/notify';
import { useCaseRefresh } from './use-case-refresh';

/** The statuses a reply may set at once (the backend's ReplyInput allows exactly these). */
const REPLY_STATUSES = ['open', 'pending_customer', 'resolved'] as const;
type ReplyStatus = (typeof REPLY_STATUSES)[number];

function ReplyForm({ record }: { record: Case }) {
  const { t } = useTranslation();
  const refresh = useCaseRefresh();
  const templates = useApiQuery('cases.templates.list', {});
  const [body, setBody] = useState('');
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [status, setStatus] = useState<ReplyStatus | null>(null);
  const reply = useApiMutation('cases.reply', {
    onSuccess: () => {
      setBody('');
      setTemplateId(null);
      setStatus(null);
      notifySuccess(t('service.reply.sent'));
      void refresh();
    },
  });
  // With a template and an empty message the backend sends the template, its {{placeholders}} filled in.
  const template = templates.data?.items.find((item) => item.id === templateId);
  return (
    <Stack gap="sm">
      {(templates.data?.items.length ?? 0) > 0 && (
        <Select
          label={t('service.reply.template')}
          placeholder={t('service.reply.templatePlaceholder')}
          clearable
          data={templates.data!.items.map((item) => ({ value: item.id, label: item.name }))}
          value={templateId}
          onChange={setTemplateId}
        />
      )}
      <Textarea
        label={t('service.reply.body')}
        autosize
        minRows={3}
        value={body}
        placeholder={template?.body}
        description={template ? t('service.reply.templateHint') : undefined}
        onChange={(event) => setBody(event.currentTarget.value)}
        error={reply.error?.message}
      />
      <Group justify="flex-end" align="flex-end">
        <Select
          label={t('service.reply.thenStatus')}
          placeholder={t('service.reply.keepStatus')}
          clearable
          data={REPLY_STATUSES.filter((value) => value !== record.status).map((value) => ({ value, label: t(`service.caseStatuses.${value}`) }))}
          value={status}
          onChange={(value) => setStatus(value as ReplyStatus | null)}
          w={220}
        />
        <Button
          loading={reply.isPending}
          disabled={!body.trim() && !templateId}
          onClick={() =>
            reply.mutate({ caseId: record.id, body: body.trim() || undefined, templateId: templateId ?? undefined, status: status ?? undefined })
          }
        >
          {status ? t('service.reply.sendAndSet', { status: t(`service.caseStatuses.${status}`) }) : t('service.reply.send')}
        </Button>
      </Group>
    </Stack>
  );
}

function CommentForm({ record }: { record: Case }) {
  const { t } = useTranslation();
  const refresh = useCaseRefresh();
  const [body, setBody] = useState('');
  const [customer, setCustomer] = useState(false);
  const comment = useApiMutation('cases.comment', {
    onSuccess: () => {
      setBody('');
      void refresh();
    },
  });
  return (
    <Stack gap="sm">
      <Textarea
        label={t('service.comment.body')}
        autosize
        minRows={2}
        value={body}
        onChange={(event) => setBody(event.currentTarget.value)}
        error={comment.error?.message}
      />
      <Group justify="space-between">
        <Checkbox label={t('service.comment.customerVisible')} checked={customer} onChange={(event) => setCustomer(event.currentTarget.checked)} />
        <Button
          variant="light"
          loading={comment.isPending}
          disabled={!body.trim()}
          onClick={() => comment.mutate({ caseId: record.id, body, visibility: customer ? 'customer' : 'internal' })}
        >
          {t('service.comment.add')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Reply to the customer by email, or leave a comment on the case. */
export function ComposeCard({ record }: { record: Case }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="lg" p="lg">
      <Tabs defaultValue="reply">
        <Tabs.List mb="md">
          <Tabs.Tab value="reply">{t('service.reply.title')}</Tabs.Tab>
          <Tabs.Tab value="comment">{t('service.comment.title')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="reply">
          <ReplyForm record={record} />
        </Tabs.Panel>
        <Tabs.Panel value="comment">
          <CommentForm record={record} />
        </Tabs.Panel>
      </Tabs>
    </Paper>
  );
}
