import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import { IconCalendar, IconUser } from '@tabler/icons-react';
import type { DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import type { BoardCard as BoardCardSchema } from '../../../../../shared/schemas/sales';
import { useFormatters } from '../../records/format';
import { formatDay } from '../money';

export type Card = z.infer<typeof BoardCardSchema>;

/** One deal on the board; dragging it carries its id to another column. */
export function BoardCard({ card, draggable }: { card: Card; draggable: boolean }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const onDragStart = (event: DragEvent) => {
    event.dataTransfer.setData('text/plain', card.id);
    event.dataTransfer.effectAllowed = 'move';
  };
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      shadow="xs"
      draggable={draggable}
      onDragStart={onDragStart}
      aria-label={t('sales.board.card', { name: card.name })}
      data-testid="board-card"
      style={{ cursor: draggable ? 'grab' : undefined }}
    >
      <Stack gap={4}>
        <Anchor component={Link} to={`/opportunities/${card.id}`} fw={600} size="sm" style={{ overflowWrap: 'anywhere' }} draggable={false}>
          {card.name}
        </Anchor>
        {card.accountName && (
          <Text size="xs" c="dimmed" truncate="end">
            {card.accountName}
          </Text>
        )}
        <Group justify="space-between" gap="xs">
          <Text size="sm" fw={600}>
            {card.amount === null ? '—' : format.money(card.amount)}
          </Text>
          {card.closeDate && (
            <Group gap={4}>
              <IconCalendar size={12} />
              <Text size="xs" c="dimmed">
                {formatDay(card.closeDate, format.language)}
              </Text>
            </Group>
          )}
        </Group>
        {card.ownerName && (
          <Group gap={4}>
            <IconUser size={12} />
            <Text size="xs" c="dimmed" truncate="end">
              {card.ownerName}
            </Text>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
