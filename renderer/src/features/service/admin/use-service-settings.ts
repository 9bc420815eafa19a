import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApiMutation, useApiQuery } from '../../../api/hooks';
import { notifySuccess } from '../../../components/notify';

/** The service desk settings and a save that refreshes every screen reading them. */
export function useServiceSettings() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const settings = useApiQuery('cases.settings.get', {}, { meta: { silent: true } });
  const save = useApiMutation('cases.settings.update', {
    onSuccess: (saved) => {
      queryClient.setQueryData(['cases.settings.get', {}], saved);
      notifySuccess(t('service.admin.saved'));
    },
  });
  return { settings, save };
}
