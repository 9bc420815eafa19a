import { Button, Checkbox, Group, Paper, Select, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconList, IconPackage, IconSettings } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../../api/api-error';
import { call } from '../../../api/client';
import { useApiQuery } from '../../../api/hooks';
import { useCurrentUser } from '../../../auth/session-context';
import { errorMessage, notifyError, notifySuccess } from '../../../components/notify';
import { PageHeader } from '../../../components/PageHeader';
import { OwnerSelect } from '../../records/OwnerSelect';
import { usePermissions } from '../../records/users';
import { usePipelines } from '../pipelines';
import type { Card } from './BoardCard';
import { BoardColumnView, type BoardFilter, type Column } from './BoardColumnView';
import { LostReasonModal } from '../opportunities/LostReasonModal';

interface Move {
  card: Card;
  column: Column;
}

/** The Kanban of one pipeline: drag a deal to another stage; a lost stage asks why first. */
export function BoardPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const permissions = usePermissions();
  const queryClient = useQueryClient();
  const pipelines = usePipelines();
  const [pipelineId, setPipelineId] = useState<string | null>(null);
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const [myTeam, setMyTeam] = useState(false);
  const [closeFrom, setCloseFrom] = useState('');
  const [closeTo, setCloseTo] = useState('');
  const [lost, setLost] = useState<Move | null>(null);
  const [lostError, setLostError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const filter: BoardFilter = {
    ...(pipelineId ? { pipelineId } : {}),
    ...(ownerId ? { ownerId } : {}),
    ...(myTeam ? { team: me.id } : {}),
    ...(closeFrom ? { closeFrom } : {}),
    ...(closeTo ? { closeTo } : {}),
  };
  const board = useApiQuery('opportunities.board', { ...filter, limit: 50 }, { meta: { silent: true } });
  const columns = board.data?.columns ?? [];

  const findCard = (id: string) => {
    for (const column of columns) {
      const card = column.cards.find((item) => item.id === id);
      if (card) return card;
    }
    return undefined;
  };

  const save = async (move: Move, lostReason?: string) => {
    setSaving(true);
    try {
      await call('opportunities.update', {
        id: move.card.id,
        version: move.card.version,
        patch: lostReason ? { stage: move.column.stage, lostReason } : { stage: move.column.stage },
      });
      setLost(null);
      notifySuccess(t('sales.stage.moved', { stage: move.column.stage }));
    } catch (error) {
      if (lostReason && !(isApiError(error) && error.code === 'CONFLICT')) setLostError(errorMessage(error));
      else {
        setLost(null);
        if (isApiError(error) && error.code === 'CONFLICT') notifications.show({ color: 'orange', message: t('sales.board.conflict', { name: move.card.name }), autoClose: 8000 });
        else notifyError(error);
      }
    } finally {
      setSaving(false);
      void queryClient.invalidateQueries({ queryKey: ['opportunities.board'] });
    }
  };

  const onDropCard = (cardId: string, column: Column) => {
    const card = findCard(cardId);
    if (!card || card.stage === column.stage) return;
    if (column.kind === 'lost') {
      setLostError(null);
      setLost({ card, column });
    } else void save({ card, column });
  };

  const pipelineOptions = (pipelines.data?.items ?? []).map((pipeline) => ({ value: pipeline.id, label: pipeline.name }));
  const filtered = Boolean(ownerId || myTeam || closeFrom || closeTo);

  return (
    <>
      <PageHeader
        title={t('sales.board.title')}
        description={t('sales.board.dragHint')}
        actions={
          <>
            <Button component={Link} to="/opportunities" variant="default" leftSection={<IconList size={16} />}>
              {t('sales.opportunities.list')}
            </Button>
            {me.role === 'admin' && (
              <>
                <Button component={Link} to="/settings/pipelines" variant="default" leftSection={<IconSettings size={16} />}>
                  {t('sales.board.managePipelines')}
                </Button>
                <Button component={Link} to="/settings/products" variant="default" leftSection={<IconPackage size={16} />}>
                  {t('sales.admin.products')}
                </Button>
              </>
            )}
          </>
        }
      />
      <Paper withBorder radius="lg" p="sm" mb="md">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Select
            label={t('sales.board.pipeline')}
            data={pipelineOptions}
            value={pipelineId ?? board.data?.pipeline.id ?? null}
            onChange={setPipelineId}
            allowDeselect={false}
            w={200}
          />
          <OwnerSelect label={t('sales.board.owner')} placeholder={t('sales.board.anyOwner')} value={ownerId} onChange={setOwnerId} clearable everyone />
          {permissions.hasTeam && (
            <Checkbox label={t('sales.board.myTeam')} checked={myTeam} onChange={(event) => setMyTeam(event.currentTarget.checked)} mb={8} />
          )}
          <TextInput type="date" label={t('sales.board.closeFrom')} value={closeFrom} onChange={(event) => setCloseFrom(event.currentTarget.value)} />
          <TextInput type="date" label={t('sales.board.closeTo')} value={closeTo} onChange={(event) => setCloseTo(event.currentTarget.value)} />
          {filtered && (
            <Button
              variant="subtle"
              onClick={() => {
                setOwnerId(null);
                setMyTeam(false);
                setCloseFrom('');
                setCloseTo('');
              }}
            >
              {t('sales.board.clear')}
            </Button>
          )}
        </Group>
      </Paper>
      {board.isError && (
        <Text c="red" role="alert" mb="md">
          {errorMessage(board.error)}
        </Text>
      )}
      <Group align="flex-start" wrap="nowrap" gap="sm" style={{ overflowX: 'auto', paddingBottom: 8 }} aria-busy={board.isFetching} data-testid="board">
        {columns.map((column) => (
          <BoardColumnView
            key={column.stageId}
            column={column}
            filter={filter}
            canDrag={(card) => permissions.canEditOwnedBy(card.ownerId)}
            onDropCard={onDropCard}
          />
        ))}
      </Group>
      <LostReasonModal
        target={lost && { name: lost.card.name, stage: lost.column.stage }}
        onCancel={() => setLost(null)}
        onSubmit={(reason) => lost && void save(lost, reason)}
        saving={saving}
        error={lostError}
      />
    </>
  );
}
