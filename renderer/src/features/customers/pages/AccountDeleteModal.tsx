import { Radio, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../../../shared/schemas/records/accounts';
import { call } from '../../../api/client';
import { DeleteRecordModal } from '../../records/record/DeleteRecordModal';
import { accountsConfig } from '../configs/accounts';

type ContactsChoice = 'unlink' | 'delete';

/** Deleting an account that has contacts asks what becomes of them: kept without an account, or deleted too. */
export function AccountDeleteModal({ account, opened, onClose }: { account: Account; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState<ContactsChoice | null>(null);
  const input = { filter: { accountId: account.id }, limit: 1 };
  const contacts = useQuery({
    queryKey: ['contacts.list', input],
    queryFn: () => call('contacts.list', input),
    enabled: opened,
    meta: { silent: true },
  });
  const hasContacts = (contacts.data?.items.length ?? 0) > 0;
  return (
    <DeleteRecordModal
      config={accountsConfig}
      record={account}
      opened={opened}
      onClose={onClose}
      extraInput={hasContacts && choice ? { contacts: choice } : {}}
      ready={contacts.isSuccess && (!hasContacts || choice !== null)}
    >
      {hasContacts && (
        <Radio.Group
          value={choice}
          onChange={(value) => setChoice(value as ContactsChoice)}
          label={t('customers.accounts.deleteContactsQuestion')}
          required
        >
          <Stack gap="xs" mt="xs">
            <Radio value="unlink" label={t('customers.accounts.deleteContactsUnlink')} />
            <Radio value="delete" label={t('customers.accounts.deleteContactsDelete')} />
          </Stack>
        </Radio.Group>
      )}
      {hasContacts && (
        <Text size="xs" c="dimmed">
          {t('customers.accounts.deleteContactsRestore')}
        </Text>
      )}
    </DeleteRecordModal>
  );
}
