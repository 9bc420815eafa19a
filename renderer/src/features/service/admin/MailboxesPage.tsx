import { Anchor, Button, Table } from '@mantine/core';
import { IconPlus, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useApiQuery } from '../../../api/hooks';
import { PageHeader } from '../../../components/PageHeader';
import { QueryState } from '../../admin/components/QueryState';
import { useFormatters } from '../../records/format';
import { AdminTable } from './AdminTable';
import { MailboxModal } from './MailboxModal';
import { MailboxStatusBadge } from './MailboxStatusBadge';
import { useMailboxActions } from './use-mailbox-actions';

/** Settings > Mailboxes: the IMAP mailboxes polled into cases, with how each is doing. */
export function MailboxesPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const navigate = useNavigate();
  const mailboxes = useApiQuery('mailboxes.list', {}, { meta: { silent: true } });
  const { poll, refresh } = useMailboxActions();
  const [adding, setAdding] = useState(false);

  return (
    <>
      <PageHeader
        title={t('service.admin.nav.mailboxes')}
        description={t('service.admin.mailboxes.description')}
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
            {t('service.admin.mailboxes.create')}
          </Button>
        }
      />
      <QueryState query={mailboxes}>
        {({ items }) => (
          <AdminTable
            label={t('service.admin.nav.mailboxes')}
            columns={8}
            emptyText={items.length === 0 ? t('service.admin.mailboxes.empty') : null}
            head={
              <>
                <Table.Th>{t('service.admin.mailboxes.name')}</Table.Th>
                <Table.Th>{t('service.admin.mailboxes.server')}</Table.Th>
                <Table.Th>{t('service.admin.mailboxes.username')}</Table.Th>
                <Table.Th>{t('service.admin.mailboxes.folder')}</Table.Th>
                <Table.Th>{t('service.admin.mailboxes.status')}</Table.Th>
                <Table.Th>{t('service.admin.mailboxes.lastPoll')}</Table.Th>
                <Table.Th ta="right">{t('service.admin.mailboxes.captured')}</Table.Th>
                <Table.Th />
              </>
            }
          >
            {items.map((mailbox) => (
              <Table.Tr key={mailbox.id}>
                <Table.Td fw={500}>
                  <Anchor component={Link} to={`/settings/mailboxes/${mailbox.id}`}>
                    {mailbox.name}
                  </Anchor>
                </Table.Td>
                <Table.Td ff="monospace">
                  {mailbox.host}:{mailbox.port}
                </Table.Td>
                <Table.Td>{mailbox.username}</Table.Td>
                <Table.Td>{mailbox.folder}</Table.Td>
                <Table.Td>
                  <MailboxStatusBadge mailbox={mailbox} />
                </Table.Td>
                <Table.Td>{mailbox.status.lastPollAt ? format.relative(mailbox.status.lastPollAt) : t('service.admin.mailboxes.never')}</Table.Td>
                <Table.Td ta="right">{format.number(mailbox.status.messagesCaptured)}</Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="light"
                    leftSection={<IconRefresh size={14} />}
                    loading={poll.isPending && poll.variables.id === mailbox.id}
                    onClick={() => poll.mutate({ id: mailbox.id })}
                    aria-label={t('service.admin.mailboxes.pollNamed', { name: mailbox.name })}
                  >
                    {t('service.admin.mailboxes.pollNow')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </AdminTable>
        )}
      </QueryState>
      {adding && (
        <MailboxModal
          mailbox={null}
          onClose={() => setAdding(false)}
          onSaved={(saved) => {
            void refresh();
            void navigate(`/settings/mailboxes/${saved.id}`);
          }}
        />
      )}
    </>
  );
}
