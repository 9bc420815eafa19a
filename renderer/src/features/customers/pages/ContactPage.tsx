import { Stack } from '@mantine/core';
import { useState } from 'react';
import type { Contact } from '../../../../../shared/schemas/records/contacts';
import { RecordDuplicateWarning } from '../../duplicates/RecordDuplicateWarning';
import { META_FIELDS } from '../../records/field-specs';
import { DeleteRecordModal } from '../../records/record/DeleteRecordModal';
import { DetailsCard } from '../../records/record/DetailsCard';
import { HistoryCard } from '../../records/record/HistoryCard';
import { RecordHeader } from '../../records/record/RecordHeader';
import { RecordColumns, RecordPageShell } from '../../records/record/RecordPageShell';
import { usePermissions } from '../../records/users';
import { ActivityTimeline } from '../activities/ActivityTimeline';
import { contactName, contactsConfig } from '../configs/contacts';
import { DeleteButton } from './RecordActions';

const DETAILS = [...contactsConfig.fields.slice(0, -1), META_FIELDS[0]!, contactsConfig.fields[contactsConfig.fields.length - 1]!];

function ContactView({ contact }: { contact: Contact }) {
  const permissions = usePermissions();
  const canEdit = permissions.canEditOwnedBy(contact.ownerId);
  const [deleteOpen, setDeleteOpen] = useState(false);
  return (
    <>
      <RecordHeader config={contactsConfig} title={contactName(contact)} actions={canEdit && <DeleteButton onClick={() => setDeleteOpen(true)} />} />
      <RecordDuplicateWarning type="contacts" record={contact} />
      <RecordColumns
        main={<DetailsCard config={contactsConfig} record={contact} fields={DETAILS} canEdit={canEdit} />}
        side={
          <Stack gap="lg">
            <ActivityTimeline filter={{ relatedType: 'contacts', relatedId: contact.id }} relatedType="contacts" relatedId={contact.id} />
            <HistoryCard config={contactsConfig} record={contact} />
          </Stack>
        }
      />
      <DeleteRecordModal config={contactsConfig} record={contact} opened={deleteOpen} onClose={() => setDeleteOpen(false)} />
    </>
  );
}

export function ContactPage() {
  return <RecordPageShell config={contactsConfig}>{(contact) => <ContactView key={contact.id} contact={contact} />}</RecordPageShell>;
}
