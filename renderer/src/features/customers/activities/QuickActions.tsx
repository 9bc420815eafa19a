import { Button, Group } from '@mantine/core';
import { IconChecklist, IconNote, IconPhone } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Activity } from '../../../../../shared/schemas/records/activities';
import { RecordCreateModal } from '../../records/record/RecordCreateModal';
import type { RecordTypeName, TKey } from '../../records/types';
import { usePermissions } from '../../records/users';
import { activitiesConfig } from '../configs/activities';

type Action = 'call' | 'task' | 'note';

const ACTIONS: Record<Action, { label: TKey; title: TKey; fields: string[]; initial: () => Partial<Activity> }> = {
  call: {
    label: 'customers.timeline.logCall',
    title: 'customers.timeline.logCallTitle',
    fields: ['subject', 'startAt', 'body'],
    // A logged call already happened: done, and it started now unless the user says otherwise.
    initial: () => ({ type: 'call', status: 'done', startAt: new Date().toISOString() }),
  },
  task: {
    label: 'customers.timeline.newTask',
    title: 'customers.timeline.newTaskTitle',
    fields: ['subject', 'dueAt', 'priority', 'body'],
    initial: () => ({ type: 'task', status: 'open', priority: 'normal' }),
  },
  note: {
    label: 'customers.timeline.addNote',
    title: 'customers.timeline.addNoteTitle',
    fields: ['subject', 'body'],
    initial: () => ({ type: 'note', status: 'done' }),
  },
};

const ICONS = { call: IconPhone, task: IconChecklist, note: IconNote };

/** "Log a call", "New task", "Add note" on a record page: an activity related to that record. */
export function QuickActions({ relatedType, relatedId }: { relatedType: RecordTypeName; relatedId: string }) {
  const { t } = useTranslation();
  const { canCreate } = usePermissions();
  const [open, setOpen] = useState<Action | null>(null);
  const [initial, setInitial] = useState<Record<string, unknown>>({});
  if (!canCreate) return null;
  return (
    <>
      <Group gap="xs" wrap="wrap">
        {(Object.keys(ACTIONS) as Action[]).map((action) => {
          const ActionIcon = ICONS[action];
          return (
            <Button
              key={action}
              size="xs"
              variant="light"
              leftSection={<ActionIcon size={14} />}
              onClick={() => {
                setInitial({ ...ACTIONS[action].initial(), relatedType, relatedId });
                setOpen(action);
              }}
            >
              {t(ACTIONS[action].label)}
            </Button>
          );
        })}
      </Group>
      {open && (
        <RecordCreateModal
          config={activitiesConfig}
          opened
          onClose={() => setOpen(null)}
          initial={initial}
          fields={ACTIONS[open].fields}
          withOwner={false}
          openAfter={false}
          title={ACTIONS[open].title}
        />
      )}
    </>
  );
}
