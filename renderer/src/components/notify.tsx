import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import { isApiError } from '../api/api-error';
import { i18n } from '../i18n';

/** The text to show for a failed call: the API's own message, or ours when there was no answer. */
export function errorMessage(error: unknown): string {
  if (isApiError(error)) return error.code === 'NETWORK' ? i18n.t('errors.network') : error.message;
  return i18n.t('errors.generic');
}

export function notifyError(error: unknown): void {
  notifications.show({
    color: 'red',
    title: i18n.t('errors.requestFailed'),
    message: errorMessage(error),
    icon: <IconAlertTriangle size={18} />,
    autoClose: 8000,
  });
}

export function notifySuccess(message: string): void {
  notifications.show({ color: 'teal', message, icon: <IconCheck size={18} />, autoClose: 4000 });
}
