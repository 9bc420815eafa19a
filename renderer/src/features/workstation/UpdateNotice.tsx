import { Button, Progress, Stack, Text } from '@mantine/core';
import { notifications, notificationsStore } from '@mantine/notifications';
import { IconAlertTriangle, IconDownload, IconRefresh } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DesktopBridge, UpdaterStatus } from '../../../../shared/desktop-bridge';
import { isApiError } from '../../api/api-error';

const UPDATE_NOTICE_ID = 'lantern-update';
const MISMATCH_NOTICE_ID = 'lantern-version-mismatch';

/** The office server refused a write because this app is another version (electron/server/updates.ts). */
function isVersionMismatch(error: unknown): boolean {
  return isApiError(error) && error.code === 'CONFLICT' && (error.details as { reason?: unknown } | undefined)?.reason === 'version-mismatch';
}

/**
 * A workstation's updater, in one notification: a progress bar while the release downloads from
 * the office server, then "Restart to update". A write refused for being the wrong version gets a
 * notice of its own that stays until closed, offering the restart as soon as the update is ready.
 */
export function UpdateNotice({ bridge }: { bridge: DesktopBridge }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<UpdaterStatus | null>(null);

  useEffect(() => bridge.onUpdateStatus(setStatus), [bridge]);

  useEffect(() => {
    if (!status) return;
    const restart = (
      <Button size="xs" mt="xs" leftSection={<IconRefresh size={16} />} onClick={() => void bridge.installUpdate()}>
        {t('workstation.update.restart')}
      </Button>
    );
    let notice: Parameters<typeof notifications.show>[0] | null = null;
    if (status.kind === 'downloading') {
      notice = {
        title: t('workstation.update.title', { version: status.version }),
        icon: <IconDownload size={18} />,
        message: (
          <Stack gap={6}>
            <Text size="sm">{t('workstation.update.downloading', { percent: status.percent })}</Text>
            <Progress value={status.percent} size="sm" aria-label={t('workstation.update.downloading', { percent: status.percent })} animated />
          </Stack>
        ),
      };
    } else if (status.kind === 'ready') {
      notice = {
        title: t('workstation.update.title', { version: status.version }),
        color: 'teal',
        icon: <IconDownload size={18} />,
        message: (
          <Stack gap={4}>
            <Text size="sm">{t('workstation.update.ready', { version: status.version })}</Text>
            {status.releaseNotes && (
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                {status.releaseNotes}
              </Text>
            )}
            {restart}
          </Stack>
        ),
      };
    } else if (status.kind === 'error') {
      notice = { title: t('workstation.update.failed'), color: 'red', icon: <IconAlertTriangle size={18} />, message: status.message };
    }
    if (!notice) return;
    const shown = { ...notice, id: UPDATE_NOTICE_ID, autoClose: status.kind === 'error' ? 8000 : false, withCloseButton: true } as const;
    // update() does nothing for a notice that is not on screen (closed, or never shown): show it then.
    const { notifications: visible, queue } = notificationsStore.getState();
    const onScreen = [...visible, ...queue].some((n) => n.id === UPDATE_NOTICE_ID);
    if (onScreen) notifications.update(shown);
    else notifications.show(shown);
  }, [status, bridge, t]);

  useEffect(
    () =>
      queryClient.getMutationCache().subscribe((event) => {
        if (event.type !== 'updated' || event.action.type !== 'error' || !isVersionMismatch(event.action.error)) return;
        notifications.hide(MISMATCH_NOTICE_ID);
        notifications.show({
          id: MISMATCH_NOTICE_ID,
          color: 'orange',
          title: t('workstation.update.mismatchTitle'),
          message: event.action.error.message,
          icon: <IconAlertTriangle size={18} />,
          autoClose: false,
          withCloseButton: true,
        });
      }),
    [queryClient, t],
  );

  return null;
}
