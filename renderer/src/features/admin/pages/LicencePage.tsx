import { Alert, Badge, Button, Code, FileInput, Group, Stack, Table, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconFileCertificate, IconUserMinus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LicenceStatus } from '../../../../../shared/schemas/licence';
import { useApiMutation, useApiQuery } from '../../../api/hooks';
import { useCurrentUser } from '../../../auth/session-context';
import { errorMessage, notifySuccess } from '../../../components/notify';
import { PageHeader } from '../../../components/PageHeader';
import { formatDate, formatDateTime } from '../../records/format';
import { InfoGrid, type InfoItem } from '../components/InfoGrid';
import { QueryState } from '../components/QueryState';
import { Section } from '../components/Section';
import { licenceSummary } from '../licence-summary';

const STATE_COLORS: Record<LicenceStatus['state'], string> = {
  licensed: 'teal',
  trial: 'blue',
  'trial-ended': 'red',
  expired: 'red',
  'not-covered': 'orange',
  'clock-behind': 'red',
};

export function LicencePage() {
  const { t } = useTranslation();
  const status = useApiQuery('licence.status', {}, { meta: { silent: true } });
  return (
    <>
      <PageHeader title={t('admin.licence.title')} description={t('admin.licence.subtitle')} />
      <Stack gap="lg">
        <QueryState query={status}>{(data) => <LicenceCard status={data} />}</QueryState>
        <InstallCard />
        <SeatsCard />
      </Stack>
    </>
  );
}

function LicenceCard({ status }: { status: LicenceStatus }) {
  const { t, i18n } = useTranslation();
  const { licence, trial } = status;
  const date = (value: string | null | undefined) => formatDate(value, i18n.language) || t('common.none');
  const items: InfoItem[] = [
    {
      key: 'state',
      label: t('admin.licence.status'),
      value: (
        <Group gap="xs">
          <Badge color={STATE_COLORS[status.state]} variant="light">
            {t(`admin.licence.states.${status.state}`)}
          </Badge>
          <Badge color={status.writable ? 'teal' : 'red'} variant="outline">
            {status.writable ? t('admin.licence.writable') : t('admin.licence.readOnly')}
          </Badge>
        </Group>
      ),
    },
    {
      key: 'seats',
      label: t('admin.licence.seatsInUse'),
      value: t('admin.licence.seatsValue', { inUse: status.seats.inUse, limit: status.seats.limit }),
    },
  ];
  if (licence) {
    items.push(
      { key: 'licensee', label: t('admin.licence.licensee'), value: licence.licensee },
      { key: 'edition', label: t('admin.licence.edition'), value: licence.edition },
      { key: 'licence-id', label: t('admin.licence.licenceId'), value: licence.licenceId },
      { key: 'maintenance', label: t('admin.licence.maintenanceUntil'), value: date(licence.maintenanceUntil) },
      { key: 'expires', label: t('admin.licence.expiresAt'), value: licence.expiresAt ? date(licence.expiresAt) : t('admin.licence.perpetual') },
    );
  }
  if (trial) {
    items.push(
      { key: 'trial-days', label: t('admin.licence.trialDaysLeft'), value: String(Math.max(0, trial.daysLeft)) },
      { key: 'trial-ends', label: t('admin.licence.trialEnds'), value: formatDateTime(trial.endsAt, i18n.language) },
    );
  }
  items.push({ key: 'version', label: t('admin.licence.appVersion'), value: `${status.appVersion} (${date(status.appReleaseDate)})` });
  if (licence) {
    items.push({
      key: 'bound',
      label: t('admin.licence.boundTo'),
      value: licence.serverFingerprint ? <Code>{licence.serverFingerprint}</Code> : t('admin.licence.anyServer'),
      wide: true,
    });
  }
  items.push({
    key: 'fingerprint',
    label: t('admin.licence.fingerprint'),
    value: status.serverFingerprint ? <Code>{status.serverFingerprint}</Code> : t('common.none'),
    wide: true,
  });

  return (
    <Section title={t('admin.licence.status')}>
      <Alert color={status.writable ? 'blue' : 'red'} variant="light" data-testid="licence-message">
        {licenceSummary(status, t, i18n.language)}
        {!status.writable && (
          <Text size="sm" mt="xs">
            {t('admin.licence.serverSays', { message: status.message })}
          </Text>
        )}
      </Alert>
      {status.problem && (
        <Alert color="orange" variant="light" title={t('admin.licence.problemTitle')} icon={<IconAlertTriangle />}>
          {status.problem.message}
        </Alert>
      )}
      <InfoGrid items={items} />
    </Section>
  );
}

function InstallCard() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const install = useApiMutation('licence.install', {
    meta: { silent: true },
    onSuccess: (status) => {
      setFile(null);
      queryClient.setQueryData(['licence.status', {}], status);
      void queryClient.invalidateQueries({ predicate: (query) => String(query.queryKey[0]).startsWith('seats.') });
      notifySuccess(t('admin.licence.install.installed', { licensee: status.licence?.licensee ?? '' }));
    },
  });

  const submit = async () => {
    if (!file) return;
    install.mutate({ text: await file.text() });
  };

  return (
    <Section title={t('admin.licence.install.title')} description={t('admin.licence.install.description')}>
      {install.isError && (
        <Alert role="alert" color="red" variant="light" title={t('admin.licence.install.refused')} icon={<IconAlertTriangle />}>
          {errorMessage(install.error)}
        </Alert>
      )}
      <Group align="flex-end" gap="sm">
        <FileInput
          label={t('admin.licence.install.file')}
          placeholder={t('admin.licence.install.placeholder')}
          accept=".lic,.json,.txt,text/plain,application/json"
          value={file}
          onChange={(value) => {
            setFile(value);
            install.reset();
          }}
          clearable
          leftSection={<IconFileCertificate size={18} />}
          style={{ flex: 1, minWidth: 240 }}
        />
        <Button onClick={() => void submit()} disabled={!file} loading={install.isPending}>
          {t('admin.licence.install.submit')}
        </Button>
      </Group>
    </Section>
  );
}

function SeatsCard() {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const seats = useApiQuery('seats.list', {}, { meta: { silent: true }, refetchInterval: 30_000 });
  const release = useApiMutation('seats.release', {
    meta: { silent: true },
    onSuccess: (_ok, input) => {
      const holder = seats.data?.holders.find((h) => h.userId === input.userId);
      notifySuccess(t('admin.licence.seats.released', { name: holder?.displayName ?? input.userId }));
      void seats.refetch();
    },
  });
  const minutes = Math.round((seats.data?.leaseSeconds ?? 300) / 60);

  return (
    <Section title={t('admin.licence.seats.title')} description={t('admin.licence.seats.description', { minutes })}>
      {release.isError && (
        <Alert role="alert" color="red" variant="light" title={t('errors.requestFailed')}>
          {errorMessage(release.error)}
        </Alert>
      )}
      <QueryState query={seats}>
        {(data) =>
          data.holders.length === 0 ? (
            <Text c="dimmed">{t('admin.licence.seats.empty')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={640}>
              <Table verticalSpacing="sm" aria-label={t('admin.licence.seats.title')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('admin.licence.seats.person')}</Table.Th>
                    <Table.Th>{t('admin.licence.seats.since')}</Table.Th>
                    <Table.Th>{t('admin.licence.seats.expires')}</Table.Th>
                    <Table.Th>{t('admin.licence.seats.sessions')}</Table.Th>
                    <Table.Th>{t('admin.licence.seats.addresses')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.holders.map((holder) => (
                    <Table.Tr key={holder.userId} data-testid={`seat-row-${holder.username}`}>
                      <Table.Td>
                        <Text fw={500} size="sm">
                          {holder.displayName}
                          {holder.userId === me.id && (
                            <Text span c="dimmed" size="sm">
                              {` (${t('admin.licence.seats.you')})`}
                            </Text>
                          )}
                        </Text>
                        <Text c="dimmed" size="xs">
                          {holder.username}
                        </Text>
                      </Table.Td>
                      <Table.Td>{formatDateTime(holder.since, i18n.language)}</Table.Td>
                      <Table.Td>{formatDateTime(holder.expiresAt, i18n.language)}</Table.Td>
                      <Table.Td>{holder.sessions}</Table.Td>
                      <Table.Td>{holder.addresses.join(', ') || t('common.none')}</Table.Td>
                      <Table.Td>
                        {/* Your own seat is given up by signing out (the server refuses to free it from here). */}
                        {holder.userId !== me.id && (
                          <Button
                            size="xs"
                            variant="light"
                            color="red"
                            leftSection={<IconUserMinus size={16} />}
                            aria-label={t('admin.licence.seats.releaseLabel', { name: holder.username })}
                            loading={release.isPending && release.variables?.userId === holder.userId}
                            onClick={() => release.mutate({ userId: holder.userId })}
                          >
                            {t('admin.licence.seats.release')}
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryState>
    </Section>
  );
}
