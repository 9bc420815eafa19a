import { Button, Menu, Modal, Stack, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { IconCheck, IconChevronDown, IconDeviceFloppy, IconLayoutList, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../api/api-error';
import { useApiMutation, useApiQuery } from '../../../api/hooks';
import { notifySuccess } from '../../../components/notify';
import type { ApiRecord, RecordTypeConfig } from '../types';
import { defaultListState, sanitizeListState, type ListState } from './list-state';
import { FormActions } from '../../../components/FormActions';

interface Props {
  config: RecordTypeConfig<ApiRecord>;
  state: ListState;
  onApply: (state: ListState) => void;
}

function viewConfig(state: ListState) {
  return { q: state.q || undefined, filter: state.filter, sort: state.sort, columns: state.columns };
}

/** The user's own saved views of this list: apply one, save the current state as one, update or delete. */
export function SavedViewsMenu({ config, state, onApply }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const views = useApiQuery('views.list', { type: config.type }, { meta: { silent: true } });
  const current = views.data?.items.find((view) => view.id === state.viewId) ?? null;
  const [saveOpen, saveModal] = useDisclosure(false);
  const [name, setName] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['views.list', { type: config.type }] });

  const save = useApiMutation('views.save', {
    meta: { silent: true },
    onSuccess: (view) => {
      void refresh();
      onApply({ ...state, viewId: view.id });
      notifySuccess(t('records.views.saved', { name: view.name }));
      saveModal.close();
    },
  });
  const remove = useApiMutation('views.delete', {
    onSuccess: () => {
      void refresh();
      onApply({ ...state, viewId: null });
      notifySuccess(t('records.views.deleted'));
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    save.mutate({ type: config.type, name: name.trim(), config: viewConfig(state) });
  };

  return (
    <>
      <Menu position="bottom-start" width={260} shadow="md">
        <Menu.Target>
          <Button variant="default" leftSection={<IconLayoutList size={16} />} rightSection={<IconChevronDown size={14} />} maw={260}>
            <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{current ? current.name : t('records.views.default')}</span>
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t('records.views.title')}</Menu.Label>
          <Menu.Item
            onClick={() => onApply({ ...defaultListState(config) })}
            rightSection={!current ? <IconCheck size={14} /> : null}
          >
            {t('records.views.default')}
          </Menu.Item>
          {views.data?.items.map((view) => (
            <Menu.Item
              key={view.id}
              onClick={() => onApply({ ...sanitizeListState(config, view.config as Partial<ListState>), q: view.config.q ?? '', viewId: view.id })}
              rightSection={view.id === current?.id ? <IconCheck size={14} /> : null}
            >
              {view.name}
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item
            leftSection={<IconDeviceFloppy size={16} />}
            onClick={() => {
              setName('');
              save.reset();
              saveModal.open();
            }}
          >
            {t('records.views.saveAs')}
          </Menu.Item>
          {current && (
            <>
              <Menu.Item
                leftSection={<IconDeviceFloppy size={16} />}
                onClick={() => save.mutate({ id: current.id, type: config.type, name: current.name, config: viewConfig(state) })}
              >
                {t('records.views.update', { name: current.name })}
              </Menu.Item>
              <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={() => remove.mutate({ id: current.id })}>
                {t('records.views.delete', { name: current.name })}
              </Menu.Item>
            </>
          )}
        </Menu.Dropdown>
      </Menu>
      <Modal opened={saveOpen} onClose={saveModal.close} title={t('records.views.saveAs')} centered>
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <TextInput
              label={t('records.views.name')}
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={fieldErrors(save.error).name ?? (save.isError && !fieldErrors(save.error).name ? save.error.message : undefined)}
              maxLength={80}
              required
              data-autofocus
            />
            <FormActions submitLabel={t('records.views.save')} submitting={save.isPending} onCancel={saveModal.close} submitDisabled={!name.trim()} />
          </Stack>
        </form>
      </Modal>
    </>
  );
}
