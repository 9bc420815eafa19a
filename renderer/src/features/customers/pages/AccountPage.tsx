import { Badge, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../../../shared/schemas/records/accounts';
import { RecordDuplicateWarning } from '../../duplicates/RecordDuplicateWarning';
import { META_FIELDS } from '../../records/field-specs';
import { DetailsCard } from '../../records/record/DetailsCard';
import { HistoryCard } from '../../records/record/HistoryCard';
import { RecordHeader } from '../../records/record/RecordHeader';
import { RecordColumns, RecordPageShell } from '../../records/record/RecordPageShell';
import { RelatedList } from '../../records/record/RelatedList';
import { usePermissions } from '../../records/users';
import { AccountOpportunities, AccountValueCard } from '../../sales/AccountSales';
import { RetentionCard } from '../../service/components/RetentionCard';
import { ActivityTimeline } from '../activities/ActivityTimeline';
import { accountsConfig } from '../configs/accounts';
import { contactsConfig } from '../configs/contacts';
import { AccountDeleteModal } from './AccountDeleteModal';
import { DeleteButton } from './RecordActions';

const DETAILS = [...accountsConfig.fields.slice(0, -1), META_FIELDS[0]!, accountsConfig.fields[accountsConfig.fields.length - 1]!];

function AccountView({ account }: { account: Account }) {
  const { t } = useTranslation();
  const permissions = usePermissions();
  const canEdit = permissions.canEditOwnedBy(account.ownerId);
  const [deleteOpen, setDeleteOpen] = useState(false);
  return (
    <>
      <RecordHeader
        config={accountsConfig}
        title={account.name}
        badges={
          account.type && (
            <Badge variant="light" size="lg">
              {t(`customers.accountTypes.${account.type}`)}
            </Badge>
          )
        }
        actions={canEdit && <DeleteButton onClick={() => setDeleteOpen(true)} />}
      />
      <RecordDuplicateWarning type="accounts" record={account} />
      <RecordColumns
        main={
          <Stack gap="lg">
            <AccountValueCard accountId={account.id} />
            <RetentionCard accountId={account.id} />
            <DetailsCard config={accountsConfig} record={account} fields={DETAILS} canEdit={canEdit} />
            <AccountOpportunities accountId={account.id} />
            <RelatedList
              config={contactsConfig}
              title="customers.accounts.related.contacts"
              filter={{ accountId: account.id }}
              columns={['title', 'email']}
              empty="customers.accounts.related.noContacts"
              createInitial={{ accountId: account.id }}
            />
            <RelatedList
              config={accountsConfig}
              title="customers.accounts.related.children"
              filter={{ parentId: account.id }}
              columns={['type', 'city']}
              empty="customers.accounts.related.noChildren"
              createInitial={{ parentId: account.id }}
              createLabel="customers.accounts.related.newChild"
              createTitle="customers.accounts.related.newChild"
            />
          </Stack>
        }
        side={
          <Stack gap="lg">
            <ActivityTimeline filter={{ accountId: account.id }} relatedType="accounts" relatedId={account.id} />
            <HistoryCard config={accountsConfig} record={account} />
          </Stack>
        }
      />
      <AccountDeleteModal account={account} opened={deleteOpen} onClose={() => setDeleteOpen(false)} />
    </>
  );
}

export function AccountPage() {
  return <RecordPageShell config={accountsConfig}>{(account) => <AccountView key={account.id} account={account} />}</RecordPageShell>;
}
