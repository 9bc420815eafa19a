import { Badge, Button, Group, Paper, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { BoardColumn } from '../../../../../shared/schemas/sales';
import { call } from '../../../api/client';
import { notifyError } from '../../../components/notify';
import { useFormatters } from '../../records/format';
import { BoardCard, type Card } from './BoardCard';

export type Column = z.infer<typeof BoardColumn>;
export type BoardFilter = { pipelineId?: string; ownerId?: string; team?: string; closeFrom?: string; closeTo?: string };

const KIND_COLORS = { open: 'blue', won: 'teal', lost: 'red' } as const;

interface Props {
  column: Column;
  filter: BoardFilter;
  canDrag: (card: Card) => boolean;
  onDropCard: (cardId: string, column: Column) => void;
}

/** A stage: its count and total over every matching deal, its first cards, and more on request. */
export function BoardColumnView({ column, filter, canDrag, onDropCard }: Props) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [more, setMore] = useState<{ cards: Card[]; cursor: string | null } | null>(null);
  const [loading, setLoading] = useState(false);
  const [over, setOver] = useState(false);
  // A refreshed board starts from its first page again (the extra cards may have moved).
  const [seen, setSeen] = useState(column);
  if (seen !== column) {
    setSeen(column);
    setMore(null);
  }
  const cards = [...column.cards, ...(more?.cards ?? [])];
  const cursor = more ? more.cursor : column.nextCursor;

  const loadMore = async () => {
    if (!cursor) return;
    setLoading(true);
    try {
      const page = await call('opportunities.boardColumn', { ...filter, stageId: column.stageId, cursor, limit: 50 });
      setMore((previous) => ({ cards: [...(previous?.cards ?? []), ...page.cards], cursor: page.nextCursor }));
    } catch (error) {
      notifyError(error);
    } finally {
      setLoading(false);
    }
  };

  const onDragOver = (event: DragEvent) => {
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    setOver(true);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const id = event.dataTransfer.getData('text/plain');
    if (id) onDropCard(id, column);
  };

  const titleId = `board-column-${column.stageId}`;
  return (
    <Paper
      component="section"
      aria-labelledby={titleId}
      data-testid="board-column"
      data-stage={column.stage}
      withBorder
      radius="lg"
      p="sm"
      w={250}
      miw={250}
      bg={over ? 'var(--mantine-primary-color-light)' : 'var(--mantine-color-default-hover)'}
      onDragOver={onDragOver}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      style={{ display: 'flex', flexDirection: 'column', maxHeight: 'calc(100vh - 240px)', borderTop: `3px solid var(--mantine-color-${KIND_COLORS[column.kind]}-6)` }}
    >
      <Stack gap={2} mb="sm">
        <Group justify="space-between" wrap="nowrap">
          <Title order={2} fz="h5" id={titleId} lineClamp={1}>
            {column.stage}
          </Title>
          <Badge variant="light" color={KIND_COLORS[column.kind]} size="sm">
            {column.probability}%
          </Badge>
        </Group>
        <Group justify="space-between">
          <Text size="xs" c="dimmed" data-testid="column-count">
            {t('sales.board.count', { count: column.count })}
          </Text>
          <Text size="sm" fw={600} data-testid="column-amount">
            {format.money(column.amount)}
          </Text>
        </Group>
      </Stack>
      <ScrollArea.Autosize mah="100%" type="auto" offsetScrollbars="present">
        <Stack gap="xs" mih={60}>
          {cards.length === 0 && (
            <Text size="xs" c="dimmed" ta="center" py="md">
              {t('sales.board.noCards')}
            </Text>
          )}
          {cards.map((card) => (
            <BoardCard key={card.id} card={card} draggable={canDrag(card)} />
          ))}
          {cursor && (
            <Button variant="subtle" size="xs" onClick={() => void loadMore()} loading={loading}>
              {t('sales.board.loadMore')}
            </Button>
          )}
        </Stack>
      </ScrollArea.Autosize>
    </Paper>
  );
}
