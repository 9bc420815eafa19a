import type { Account } from '../../../../../shared/schemas/records/accounts';
import type { Activity } from '../../../../../shared/schemas/records/activities';
import type { Contact } from '../../../../../shared/schemas/records/contacts';
import { RecordListPage } from '../../records/list/RecordListPage';
import { RecordCreateModal } from '../../records/record/RecordCreateModal';
import { accountsConfig } from '../configs/accounts';
import { activitiesConfig } from '../configs/activities';
import { contactsConfig } from '../configs/contacts';

export function AccountsPage() {
  return (
    <RecordListPage<Account>
      config={accountsConfig}
      renderCreate={(opened, onClose) => <RecordCreateModal config={accountsConfig} opened={opened} onClose={onClose} />}
    />
  );
}

export function ContactsPage() {
  return (
    <RecordListPage<Contact>
      config={contactsConfig}
      renderCreate={(opened, onClose) => <RecordCreateModal config={contactsConfig} opened={opened} onClose={onClose} />}
    />
  );
}

export function ActivitiesPage() {
  return (
    <RecordListPage<Activity>
      config={activitiesConfig}
      renderCreate={(opened, onClose) => (
        <RecordCreateModal config={activitiesConfig} opened={opened} onClose={onClose} initial={{ type: 'task', priority: 'normal' }} />
      )}
    />
  );
}
