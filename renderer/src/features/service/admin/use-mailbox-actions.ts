import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../../api/hooks';
import { notifySuccess } from '../../../components/notify';
import { mailboxHealth } from './MailboxStatusBadge';

/** Poll now, and the refresh after any mailbox change (list and status pages both read from it). */
export function useMailboxActions() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ predicate: (query) => String(query.queryKey[0]).startsWith('mailboxes.') });
  const poll = useApiMutation('mailboxes.pollNow', {
    onSuccess: (result) => {
      // A failed connection is not an error of the call: the mailbox's status carries it, and the page shows it.
      if (mailboxHealth(result.mailbox) !== 'error') notifySuccess(t('service.admin.mailboxes.polled', { captured: result.captured, failed: result.failed }));
      void refresh();
    },
  });
  return { poll, refresh };
}
