import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Mailbox } from '../../../../../shared/schemas/service';

export type MailboxHealth = 'polling' | 'error' | 'ok' | 'never' | 'off';

/** How a mailbox is doing: the last error counts while no successful poll came after it. */
export function mailboxHealth(mailbox: Mailbox): MailboxHealth {
  const { status } = mailbox;
  if (status.polling) return 'polling';
  if (status.lastError && (!status.lastSuccessAt || (status.lastErrorAt ?? '') >= status.lastSuccessAt)) return 'error';
  if (!mailbox.enabled) return 'off';
  return status.lastPollAt ? 'ok' : 'never';
}

const COLORS: Record<MailboxHealth, string> = { polling: 'blue', error: 'red', ok: 'teal', never: 'gray', off: 'gray' };

export function MailboxStatusBadge({ mailbox }: { mailbox: Mailbox }) {
  const { t } = useTranslation();
  const health = mailboxHealth(mailbox);
  return (
    <Badge variant="light" color={COLORS[health]} data-testid="mailbox-health">
      {t(`service.admin.mailboxes.health.${health}`)}
    </Badge>
  );
}
