import { Button, Group, Modal, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { Template } from '../../../../../shared/schemas/service';
import { useApiMutation } from '../../../api/hooks';
import { notifySuccess } from '../../../components/notify';

type TemplateRow = z.infer<typeof Template>;

/** What the backend fills in when a reply is sent (templates.ts renderTemplate). */
const PLACEHOLDERS = ['case.number', 'case.subject', 'contact.firstName', 'contact.lastName', 'contact.name', 'user.name', 'office.name'].map((name) => `{{${name}}}`);

/** Create a template (no `template`) or edit one; placeholders are filled in when a reply is sent. */
export function TemplateModal({ template, onClose, onSaved }: { template: TemplateRow | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState({ name: template?.name ?? '', subject: template?.subject ?? '', body: template?.body ?? '' });
  const done = (saved: TemplateRow) => {
    notifySuccess(t('service.admin.templates.saved', { name: saved.name }));
    onSaved();
    onClose();
  };
  const create = useApiMutation('cases.templates.create', { onSuccess: done });
  const update = useApiMutation('cases.templates.update', { onSuccess: done });
  const pending = create.isPending || update.isPending;
  const submit = () => {
    const fields = { name: draft.name.trim(), subject: draft.subject.trim() || null, body: draft.body };
    if (template) update.mutate({ id: template.id, version: template.version, patch: fields });
    else create.mutate(fields);
  };
  return (
    <Modal opened onClose={onClose} title={template ? t('service.admin.templates.edit') : t('service.admin.templates.create')} size="lg">
      <Stack gap="sm">
        <TextInput label={t('service.admin.templates.name')} required maxLength={120} value={draft.name} onChange={(event) => setDraft({ ...draft, name: event.currentTarget.value })} />
        <TextInput
          label={t('service.admin.templates.subject')}
          description={t('service.admin.templates.subjectHint')}
          maxLength={300}
          value={draft.subject}
          onChange={(event) => setDraft({ ...draft, subject: event.currentTarget.value })}
        />
        <Textarea
          label={t('service.admin.templates.body')}
          required
          autosize
          minRows={6}
          value={draft.body}
          onChange={(event) => setDraft({ ...draft, body: event.currentTarget.value })}
        />
        <Text size="xs" c="dimmed">
          {t('service.admin.templates.placeholders', { list: PLACEHOLDERS.join(', ') })}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={pending} disabled={!draft.name.trim() || !draft.body.trim()} onClick={submit}>
            {t('service.admin.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
