import { Button, Checkbox, Group, NumberInput, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SmtpSettings } from '../../../../../shared/schemas/service';
import { useApiMutation, useApiQuery } from '../../../api/hooks';
import { notifySuccess } from '../../../components/notify';
import { PasswordField } from '../../../components/PasswordField';
import { QueryState } from '../../admin/components/QueryState';
import { Section } from '../../admin/components/Section';
import { SaveHeader } from './SaveHeader';

const SUBMISSION_PORT = 587;
const SMTPS_PORT = 465;

function SmtpForm({ saved }: { saved: SmtpSettings }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState({
    host: saved.host ?? '',
    port: saved.port ?? SUBMISSION_PORT,
    secure: saved.secure,
    tlsVerify: saved.tlsVerify,
    username: saved.username ?? '',
    fromAddress: saved.fromAddress ?? '',
    fromName: saved.fromName ?? '',
  });
  // Write-only: empty means "keep the stored one" unless the admin asks to remove it.
  const [password, setPassword] = useState('');
  const [removePassword, setRemovePassword] = useState(false);
  const [testTo, setTestTo] = useState('');
  const set = <K extends keyof typeof draft>(key: K, value: (typeof draft)[K]) => setDraft((current) => ({ ...current, [key]: value }));
  const save = useApiMutation('smtp.update', {
    onSuccess: (next) => {
      queryClient.setQueryData(['smtp.get', {}], next);
      notifySuccess(t('service.admin.saved'));
    },
  });
  const test = useApiMutation('smtp.test', { onSuccess: () => notifySuccess(t('service.admin.smtp.testSent', { to: testTo })) });
  const submit = () =>
    save.mutate({
      host: draft.host.trim(),
      port: draft.port,
      secure: draft.secure,
      tlsVerify: draft.tlsVerify,
      username: draft.username.trim() || null,
      password: removePassword ? null : password || undefined,
      fromAddress: draft.fromAddress.trim(),
      fromName: draft.fromName.trim() || null,
    });

  return (
    <>
      <SaveHeader
        title={t('service.admin.nav.smtp')}
        description={t('service.admin.smtp.description')}
        canSave={Boolean(draft.host.trim() && draft.fromAddress.trim())}
        saving={save.isPending}
        onSave={submit}
      />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Section title={t('service.admin.smtp.server')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label={t('service.admin.smtp.host')} required placeholder="smtp.example.com" value={draft.host} onChange={(event) => set('host', event.currentTarget.value)} style={{ gridColumn: 'span 2' }} />
            <NumberInput label={t('service.admin.smtp.port')} required min={1} max={65_535} allowDecimal={false} value={draft.port} onChange={(value) => typeof value === 'number' && set('port', value)} />
          </SimpleGrid>
          <Group gap="xl">
            <Switch
              label={t('service.admin.smtp.secure')}
              description={t('service.admin.smtp.secureHint')}
              checked={draft.secure}
              onChange={(event) => {
                const secure = event.currentTarget.checked;
                setDraft((current) => ({ ...current, secure, port: current.port === (secure ? SUBMISSION_PORT : SMTPS_PORT) ? (secure ? SMTPS_PORT : SUBMISSION_PORT) : current.port }));
              }}
            />
            <Switch label={t('service.admin.smtp.tlsVerify')} checked={draft.tlsVerify} onChange={(event) => set('tlsVerify', event.currentTarget.checked)} />
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('service.admin.smtp.username')} autoComplete="off" value={draft.username} onChange={(event) => set('username', event.currentTarget.value)} />
            <PasswordField
              label={t('service.admin.smtp.password')}
              autoComplete="new-password"
              placeholder={saved.hasPassword ? t('service.admin.unchanged') : undefined}
              value={password}
              disabled={removePassword}
              onChange={(event) => setPassword(event.currentTarget.value)}
            />
          </SimpleGrid>
          {saved.hasPassword && (
            <>
              <Text size="xs" c="dimmed">
                {t('service.admin.passwordHint')}
              </Text>
              <Checkbox label={t('service.admin.smtp.removePassword')} checked={removePassword} onChange={(event) => setRemovePassword(event.currentTarget.checked)} />
            </>
          )}
        </Section>
        <Stack gap="lg">
          <Section title={t('service.admin.smtp.sender')}>
            <TextInput label={t('service.admin.smtp.fromAddress')} required type="email" placeholder="support@example.com" value={draft.fromAddress} onChange={(event) => set('fromAddress', event.currentTarget.value)} />
            <TextInput label={t('service.admin.smtp.fromName')} value={draft.fromName} onChange={(event) => set('fromName', event.currentTarget.value)} />
          </Section>
          <Section title={t('service.admin.smtp.test')} description={t('service.admin.smtp.testHint')}>
            <Group align="flex-end" gap="sm">
              <TextInput label={t('service.admin.smtp.testTo')} type="email" value={testTo} onChange={(event) => setTestTo(event.currentTarget.value)} style={{ flex: 1 }} />
              <Button variant="light" leftSection={<IconSend size={16} />} loading={test.isPending} disabled={!saved.configured || !testTo.trim()} onClick={() => test.mutate({ to: testTo.trim() })}>
                {t('service.admin.smtp.sendTest')}
              </Button>
            </Group>
          </Section>
        </Stack>
      </SimpleGrid>
    </>
  );
}

/** Settings > Outgoing mail: the office SMTP server case replies go out through. */
export function SmtpPage() {
  const smtp = useApiQuery('smtp.get', {}, { meta: { silent: true } });
  return <QueryState query={smtp}>{(saved) => <SmtpForm key={JSON.stringify(saved)} saved={saved} />}</QueryState>;
}
