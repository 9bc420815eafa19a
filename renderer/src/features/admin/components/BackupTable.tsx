import { Badge, Button, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconDownload, IconRestore, IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Backup, DatabaseCheck } from '../../../../../shared/schemas/admin';
import { useApiMutation } from '../../../api/hooks';
import { notifyError, notifySuccess } from '../../../components/notify';
import { formatDateTime } from '../../records/format';
import { downloadBackup } from '../download-backup';
import { formatBytes, totalRows } from '../format';

function problems(check: DatabaseCheck): string {
  const found = check.integrity.filter((line) => line !== 'ok');
  if (check.foreignKeyProblems > 0) found.push(`foreign keys: ${check.foreignKeyProblems}`);
  return found.join('; ') || 'row counts differ';
}

/** The backup history: when, how big, what kind, whether it passed its check, and what to do with it. */
export function BackupTable({ backups, onRestore }: { backups: Backup[]; onRestore: (backup: Backup) => void }) {
  const { t, i18n } = useTranslation();
  const [downloading, setDownloading] = useState<string | null>(null);
  const time = (backup: Backup) => formatDateTime(backup.finishedAt, i18n.language);
  const verify = useApiMutation('backups.verify', {
    meta: { silent: true },
    onSuccess: (check, { id }) => {
      const backup = backups.find((b) => b.id === id);
      const when = backup ? time(backup) : id;
      if (check.ok) notifySuccess(t('admin.backups.verifyOk', { time: when, rows: totalRows(check.rowCounts) }));
      else notifyError(new Error(t('admin.backups.verifyBad', { time: when, problems: problems(check) })));
    },
    onError: notifyError,
  });

  const download = async (backup: Backup) => {
    setDownloading(backup.id);
    try {
      await downloadBackup(backup.id, `lantern-backup-${backup.id}.sqlite`);
    } catch (error) {
      notifyError(error);
    } finally {
      setDownloading(null);
    }
  };

  if (backups.length === 0) return <Text c="dimmed">{t('admin.backups.empty')}</Text>;
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="sm" aria-label={t('admin.backups.list')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('admin.backups.time')}</Table.Th>
            <Table.Th>{t('admin.backups.size')}</Table.Th>
            <Table.Th>{t('admin.backups.kind')}</Table.Th>
            <Table.Th>{t('admin.backups.result')}</Table.Th>
            <Table.Th>{t('admin.backups.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {backups.map((backup) => (
            <Table.Tr key={backup.id} data-testid={`backup-row-${backup.id}`}>
              <Table.Td>{time(backup)}</Table.Td>
              <Table.Td>{formatBytes(backup.sizeBytes, t, i18n.language)}</Table.Td>
              <Table.Td>{t(`admin.backups.kinds.${backup.kind}`)}</Table.Td>
              <Table.Td>
                <Group gap={6}>
                  <Tooltip label={backup.check} disabled={backup.status === 'ok'} multiline maw={360}>
                    <Badge color={backup.status === 'ok' ? 'teal' : 'red'} variant="light">
                      {backup.status === 'ok' ? t('admin.backups.ok') : t('admin.backups.bad')}
                    </Badge>
                  </Tooltip>
                  {!backup.present && (
                    <Badge color="gray" variant="outline">
                      {t('admin.backups.missing')}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Button
                    size="xs"
                    variant="light"
                    leftSection={<IconShieldCheck size={16} />}
                    disabled={!backup.present}
                    loading={verify.isPending && verify.variables?.id === backup.id}
                    aria-label={t('admin.backups.verifyLabel', { time: time(backup) })}
                    onClick={() => verify.mutate({ id: backup.id })}
                  >
                    {t('admin.backups.verify')}
                  </Button>
                  <Button
                    size="xs"
                    variant="light"
                    leftSection={<IconDownload size={16} />}
                    disabled={!backup.present}
                    loading={downloading === backup.id}
                    aria-label={t('admin.backups.downloadLabel', { time: time(backup) })}
                    onClick={() => void download(backup)}
                  >
                    {t('admin.backups.download')}
                  </Button>
                  <Button
                    size="xs"
                    variant="subtle"
                    leftSection={<IconRestore size={16} />}
                    disabled={!backup.present}
                    aria-label={t('admin.backups.restoreLabel', { time: time(backup) })}
                    onClick={() => onRestore(backup)}
                  >
                    {t('admin.backups.restore')}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
