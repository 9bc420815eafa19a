import { Alert, Button, Checkbox, Code, Group, Radio, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconPlugConnected, IconServer2, IconShieldCheck } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DesktopBridge, ServerProbe } from '../../../../shared/desktop-bridge';
import { APP_VERSION } from '../../../../shared/version';

type Choice = 'local' | 'server';

function initialChoice(bridge: DesktopBridge): Choice {
  return bridge.connection.mode === 'local' ? 'local' : 'server';
}

/**
 * "This computer" or "Office server at https://host:port". Choosing a server checks it first and
 * shows its certificate fingerprint; it is trusted (pinned) only once someone confirms it matches
 * what the office server shows. A server whose certificate changed is shown with both fingerprints.
 */
export function ConnectionForm({ bridge }: { bridge: DesktopBridge }) {
  const { t } = useTranslation();
  const current = bridge.connection;
  const [choice, setChoice] = useState<Choice>(initialChoice(bridge));
  const [url, setUrl] = useState(current.mode === 'server' ? current.serverUrl : '');
  const [probe, setProbe] = useState<ServerProbe | null>(() =>
    current.mode === 'server' && current.certificateChanged
      ? { ok: false, reason: 'certificate-changed', ...current.certificateChanged }
      : null,
  );
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);

  async function check(event?: FormEvent) {
    event?.preventDefault();
    setBusy(true);
    setSaveError(null);
    setConfirmed(false);
    try {
      setProbe(await bridge.probeServer(url));
    } finally {
      setBusy(false);
    }
  }

  async function apply(run: () => Promise<{ ok: true } | { ok: false; message: string }>) {
    setBusy(true);
    setSaveError(null);
    const result = await run().catch((error: unknown) => ({ ok: false as const, message: String(error) }));
    // On success the app restarts; the button stays busy until it does.
    if (!result.ok) {
      setSaveError(result.message);
      setBusy(false);
    }
  }

  // The certificate to trust: the one just shown, or (after a change) the new one, once confirmed.
  const toTrust =
    probe?.ok === true
      ? { serverUrl: probe.serverUrl, fingerprint: probe.fingerprint }
      : probe?.reason === 'certificate-changed' && probe.presented
        ? { serverUrl: current.mode === 'server' ? current.serverUrl : url, fingerprint: probe.presented }
        : null;

  return (
    <Stack gap="md">
      <Radio.Group label={t('workstation.choice.label')} value={choice} onChange={(value) => setChoice(value as Choice)}>
        <Stack gap="sm" mt="xs">
          <Radio value="local" label={t('workstation.choice.local')} description={t('workstation.choice.localHint')} />
          <Radio value="server" label={t('workstation.choice.server')} description={t('workstation.choice.serverHint')} />
        </Stack>
      </Radio.Group>

      {choice === 'local' ? (
        <Group justify="flex-end">
          <Button leftSection={<IconPlugConnected size={18} />} loading={busy} onClick={() => void apply(() => bridge.useThisComputer())}>
            {t('workstation.form.useLocal')}
          </Button>
        </Group>
      ) : (
        <form onSubmit={(event) => void check(event)}>
          <Stack gap="md">
            <TextInput
              label={t('workstation.form.url')}
              description={t('workstation.form.urlHint')}
              placeholder={t('workstation.form.urlPlaceholder')}
              value={url}
              onChange={(event) => {
                setUrl(event.currentTarget.value);
                setProbe(null);
              }}
              required
              autoComplete="url"
              spellCheck={false}
            />
            <Group justify="flex-end">
              <Button type="submit" variant="default" leftSection={<IconServer2 size={18} />} loading={busy && !toTrust} disabled={url.trim() === ''}>
                {t('workstation.form.check')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}

      {choice === 'server' && probe && <ProbeResult probe={probe} />}

      {choice === 'server' && toTrust && (probe?.ok !== true || probe.pin === 'first-use' || current.mode !== 'server') && (
        <Stack gap="sm">
          <Checkbox checked={confirmed} onChange={(event) => setConfirmed(event.currentTarget.checked)} label={t('workstation.probe.confirm')} />
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              {t('workstation.form.restartNote')}
            </Text>
            <Button
              leftSection={<IconShieldCheck size={18} />}
              color={probe?.ok ? undefined : 'red'}
              disabled={!confirmed}
              loading={busy}
              onClick={() => void apply(() => bridge.useServer(toTrust.serverUrl, toTrust.fingerprint))}
            >
              {probe?.ok ? t('workstation.form.connect') : t('workstation.form.trustNew')}
            </Button>
          </Group>
        </Stack>
      )}

      {saveError && (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} title={t('workstation.probe.failed')}>
          {saveError}
        </Alert>
      )}
    </Stack>
  );
}

/** The main process explains in English (for its log); the page says it in the user's language. */
const FAILURE_TEXT = {
  'invalid-url': 'workstation.probe.invalidUrl',
  unreachable: 'workstation.probe.unreachable',
  'not-lantern': 'workstation.probe.notLantern',
  'certificate-changed': 'workstation.probe.certificateChanged',
} as const;

function ProbeResult({ probe }: { probe: ServerProbe }) {
  const { t } = useTranslation();
  if (!probe.ok) {
    return (
      <Alert color="red" icon={<IconAlertTriangle size={18} />} title={t('workstation.probe.failed')} data-testid="probe-result" style={{ overflowWrap: 'anywhere' }}>
        <Stack gap="xs">
          <Text size="sm">{t(FAILURE_TEXT[probe.reason])}</Text>
          {probe.reason === 'unreachable' && (
            <Text size="xs" c="dimmed">
              {probe.message}
            </Text>
          )}
          {probe.expected && <Fingerprint label={t('workstation.probe.expected')} value={probe.expected} />}
          {probe.presented && <Fingerprint label={t('workstation.probe.presented')} value={probe.presented} />}
          {probe.presented && <Text size="sm">{t('workstation.probe.compare')}</Text>}
        </Stack>
      </Alert>
    );
  }
  return (
    <Alert color={probe.pin === 'trusted' ? 'teal' : 'blue'} icon={<IconServer2 size={18} />} title={t('workstation.probe.found')} data-testid="probe-result">
      <Stack gap="xs">
        <Text size="sm">
          {probe.serverUrl} · {t('workstation.probe.version', { version: probe.version, schema: probe.schemaVersion })}
        </Text>
        {probe.version !== APP_VERSION && (
          <Text size="sm" c="orange.8">
            {t('workstation.probe.versionDiffers', { version: APP_VERSION })}
          </Text>
        )}
        <Fingerprint label={t('workstation.probe.fingerprint')} value={probe.fingerprint} />
        <Text size="sm">{probe.pin === 'trusted' ? t('workstation.probe.alreadyTrusted') : t('workstation.probe.compare')}</Text>
      </Stack>
    </Alert>
  );
}

function Fingerprint({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={2}>
      <Text size="xs" fw={600}>
        {label}
      </Text>
      <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }} data-testid="fingerprint">
        {value}
      </Code>
    </Stack>
  );
}
