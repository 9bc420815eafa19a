import { Button, Group, Modal, NumberInput, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Mailbox } from '../../../../../shared/schemas/service';
import { useApiMutation } from '../../../api/hooks';
import { notifySuccess } from '../../../components/notify';
import { PasswordField } from '../../../components/PasswordField';

const IMAPS_PORT = 993;
const IMAP_PORT = 143;

function draftOf(mailbox: Mailbox | null) {
  return {
    name: mailbox?.name ?? '',
    host: mailbox?.host ?? '',
    port: mailbox?.port ?? IMAPS_PORT,
    tls: mailbox?.tls ?? true,
    tlsVerify: mailbox?.tlsVerify ?? true,
    username: mailbox?.username ?? '',
    folder: mailbox?.folder ?? 'INBOX',
    enabled: mailbox?.enabled ?? true,
    pollSeconds: mailbox?.pollSeconds ?? 60,
  };
}

/**
 * Add an IMAP mailbox (no `mailbox`) or change one. The password is write-only: the server never
 * sends it back, so editing shows an empty box that means "unchanged".
 */
export function MailboxModal({ mailbox, onClose, onSaved }: { mailbox: Mailbox | null; onClose: () => void; onSaved: (saved: Mailbox) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(() => draftOf(mailbox));
  const [password, setPassword] = useState('');
  const set = <K extends keyof typeof draft>(key: K, value: (typeof draft)[K]) => setDraft((current) => ({ ...current, [key]: value }));
  const done = (saved: Mailbox) => {
    notifySuccess(t('service.admin.mailboxes.saved', { name: saved.name }));
    onSaved(saved);
    onClose();
  };
  const create = useApiMutation('mailboxes.create', { onSuccess: done });
  const update = useApiMutation('mailboxes.update', { onSuccess: done });
  const error = (create.error ?? update.error)?.details;
  const fieldError = (field: string) =>
    Array.isArray(error) ? (error as { path: string; message: string }[]).find((issue) => issue.path.endsWith(field))?.message : undefined;
  const submit = () => {
    const fields = { ...draft, name: draft.name.trim(), host: draft.host.trim() };
    if (mailbox) update.mutate({ id: mailbox.id, version: mailbox.version, patch: password ? { ...fields, password } : fields });
    else create.mutate({ ...fields, password });
  };
  const complete = draft.name.trim() && draft.host.trim() && draft.username && (mailbox || password);

  return (
    <Modal opened onClose={onClose} title={mailbox ? t('service.admin.mailboxes.edit') : t('service.admin.mailboxes.create')} size="lg">
      <Stack gap="sm">
        <TextInput label={t('service.admin.mailboxes.name')} required value={draft.name} onChange={(event) => set('name', event.currentTarget.value)} error={fieldError('name')} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t('service.admin.mailboxes.host')}
            required
            placeholder="imap.example.com"
            value={draft.host}
            onChange={(event) => set('host', event.currentTarget.value)}
            error={fieldError('host')}
            style={{ gridColumn: 'span 2' }}
          />
          <NumberInput label={t('service.admin.mailboxes.port')} required min={1} max={65_535} allowDecimal={false} value={draft.port} onChange={(value) => typeof value === 'number' && set('port', value)} error={fieldError('port')} />
        </SimpleGrid>
        <Group gap="xl">
          <Switch
            label={t('service.admin.mailboxes.tls')}
            checked={draft.tls}
            onChange={(event) => {
              const tls = event.currentTarget.checked;
              // Follow the usual port when the admin has not picked another one.
              setDraft((current) => ({ ...current, tls, port: current.port === (tls ? IMAP_PORT : IMAPS_PORT) ? (tls ? IMAPS_PORT : IMAP_PORT) : current.port }));
            }}
          />
          <Switch label={t('service.admin.mailboxes.tlsVerify')} checked={draft.tlsVerify} onChange={(event) => set('tlsVerify', event.currentTarget.checked)} />
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('service.admin.mailboxes.username')} required autoComplete="off" value={draft.username} onChange={(event) => set('username', event.currentTarget.value)} error={fieldError('username')} />
          <PasswordField
            label={t('service.admin.mailboxes.password')}
            required={!mailbox}
            autoComplete="new-password"
            placeholder={mailbox ? t('service.admin.unchanged') : undefined}
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={fieldError('password')}
          />
        </SimpleGrid>
        {mailbox && (
          <Text size="xs" c="dimmed" mt={-6}>
            {t('service.admin.passwordHint')}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('service.admin.mailboxes.folder')} value={draft.folder} onChange={(event) => set('folder', event.currentTarget.value)} error={fieldError('folder')} />
          <NumberInput
            label={t('service.admin.mailboxes.pollSeconds')}
            min={10}
            max={86_400}
            allowDecimal={false}
            value={draft.pollSeconds}
            onChange={(value) => typeof value === 'number' && set('pollSeconds', value)}
            error={fieldError('pollSeconds')}
          />
        </SimpleGrid>
        <Switch label={t('service.admin.mailboxes.enabled')} checked={draft.enabled} onChange={(event) => set('enabled', event.currentTarget.checked)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={create.isPending || update.isPending} disabled={!complete} onClick={submit}>
            {t('service.admin.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
