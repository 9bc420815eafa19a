import { Alert, Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconPencil, IconRefresh, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { Mailbox } from '../../../../../shared/schemas/service';
import { useApiMutation, useApiQuery } from '../../../api/hooks';
import { notifySuccess } from '../../../components/notify';
import { PageHeader } from '../../../components/PageHeader';
import { InfoGrid } from '../../admin/components/InfoGrid';
import { QueryState } from '../../admin/components/QueryState';
import { Section } from '../../admin/components/Section';
import { useFormatters } from '../../records/format';
import { ConfirmDelete } from './ConfirmModal';
import { MailboxModal } from './MailboxModal';
import { MailboxStatusBadge, mailboxHealth } from './MailboxStatusBadge';
import { useMailboxActions } from './use-mailbox-actions';

function MailboxView({ mailbox }: { mailbox: Mailbox }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const navigate = useNavigate();
  const { poll, refresh } = useMailboxActions();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const remove = useApiMutation('mailboxes.delete', {
    onSuccess: () => {
      notifySuccess(t('service.admin.mailboxes.deleted', { name: mailbox.name }));
      void refresh();
      void navigate('/settings/mailboxes');
    },
  });
  const { status } = mailbox;
  const when = (iso: string | null) => (iso ? `${format.dateTime(iso)} (${format.relative(iso)})` : t('service.admin.mailboxes.never'));
  const yesNo = (value: boolean) => (value ? t('service.admin.yes') : t('service.admin.no'));

  return (
    <>
      <Anchor component={Link} to="/settings/mailboxes" size="sm">
        <Group gap={4} mb="xs">
          <IconArrowLeft size={14} />
          {t('service.admin.nav.mailboxes')}
        </Group>
      </Anchor>
      <PageHeader
        title={mailbox.name}
        description={`${mailbox.username} @ ${mailbox.host}:${mailbox.port} · ${mailbox.folder}`}
        actions={
          <>
            <Button leftSection={<IconRefresh size={16} />} loading={poll.isPending} onClick={() => poll.mutate({ id: mailbox.id })}>
              {t('service.admin.mailboxes.pollNow')}
            </Button>
            <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
              {t('service.admin.edit')}
            </Button>
            <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={() => setDeleting(true)}>
              {t('service.admin.delete')}
            </Button>
          </>
        }
      />
      <Stack gap="lg">
        {status.lastError && (
          <Alert
            role="alert"
            color={mailboxHealth(mailbox) === 'error' ? 'red' : 'yellow'}
            variant="light"
            icon={<IconAlertTriangle size={18} />}
            title={t('service.admin.mailboxes.lastError')}
            data-testid="mailbox-error"
          >
            <Stack gap={4}>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {status.lastError}
              </Text>
              {status.lastErrorAt && (
                <Text size="xs" c="dimmed">
                  {when(status.lastErrorAt)}
                </Text>
              )}
            </Stack>
          </Alert>
        )}
        <Section title={t('service.admin.mailboxes.status')}>
          <InfoGrid
            items={[
              { key: 'health', label: t('service.admin.mailboxes.status'), value: <MailboxStatusBadge mailbox={mailbox} /> },
              { key: 'last-poll', label: t('service.admin.mailboxes.lastPoll'), value: when(status.lastPollAt) },
              { key: 'last-success', label: t('service.admin.mailboxes.lastSuccess'), value: when(status.lastSuccessAt) },
              { key: 'captured', label: t('service.admin.mailboxes.captured'), value: format.number(status.messagesCaptured) },
              { key: 'failed', label: t('service.admin.mailboxes.failed'), value: format.number(status.messagesFailed) },
              { key: 'last-uid', label: t('service.admin.mailboxes.lastUid'), value: status.lastUid ? `${status.lastUid} (${status.uidValidity ?? '—'})` : '—' },
            ]}
          />
        </Section>
        <Section title={t('service.admin.mailboxes.connection')}>
          <InfoGrid
            items={[
              { key: 'server', label: t('service.admin.mailboxes.server'), value: `${mailbox.host}:${mailbox.port}` },
              { key: 'tls', label: t('service.admin.mailboxes.tls'), value: yesNo(mailbox.tls) },
              { key: 'tls-verify', label: t('service.admin.mailboxes.tlsVerify'), value: yesNo(mailbox.tlsVerify) },
              { key: 'username', label: t('service.admin.mailboxes.username'), value: mailbox.username },
              {
                key: 'password',
                label: t('service.admin.mailboxes.password'),
                value: <Badge variant="light" color={mailbox.hasPassword ? 'teal' : 'red'}>{mailbox.hasPassword ? t('service.admin.passwordStored') : t('service.admin.passwordMissing')}</Badge>,
              },
              { key: 'folder', label: t('service.admin.mailboxes.folder'), value: mailbox.folder },
              { key: 'poll-seconds', label: t('service.admin.mailboxes.pollSeconds'), value: format.number(mailbox.pollSeconds) },
              { key: 'enabled', label: t('service.admin.mailboxes.enabled'), value: yesNo(mailbox.enabled) },
            ]}
          />
        </Section>
      </Stack>
      {editing && <MailboxModal mailbox={mailbox} onClose={() => setEditing(false)} onSaved={() => void refresh()} />}
      {deleting && (
        <ConfirmDelete
          title={t('service.admin.mailboxes.deleteNamed', { name: mailbox.name })}
          message={t('service.admin.mailboxes.deleteConfirm', { name: mailbox.name })}
          loading={remove.isPending}
          onConfirm={() => remove.mutate({ id: mailbox.id })}
          onClose={() => setDeleting(false)}
        />
      )}
    </>
  );
}

/** Settings > Mailboxes > one mailbox: its status (last poll, captured, last error), poll now, edit, delete. */
export function MailboxStatusPage() {
  const { id = '' } = useParams();
  const mailbox = useApiQuery('mailboxes.get', { id }, { meta: { silent: true }, refetchInterval: (query) => (query.state.data?.status.polling ? 2000 : false) });
  return <QueryState query={mailbox}>{(data) => <MailboxView mailbox={data} />}</QueryState>;
}
