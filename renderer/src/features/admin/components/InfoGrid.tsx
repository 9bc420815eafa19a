import { SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export interface InfoItem {
  /** Also the test id's suffix: `info-<key>`. */
  key: string;
  label: string;
  value: ReactNode;
  /** Long values (paths, fingerprints) get the whole row and wrap anywhere. */
  wide?: boolean;
}

/** Label/value pairs in a responsive grid: the facts of a status card. */
export function InfoGrid({ items }: { items: InfoItem[] }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="lg" verticalSpacing="md">
      {items.map((item) => (
        <Stack
          key={item.key}
          gap={2}
          data-testid={`info-${item.key}`}
          style={item.wide ? { gridColumn: '1 / -1' } : undefined}
        >
          <Text size="sm" c="dimmed">
            {item.label}
          </Text>
          <Text fw={500} style={item.wide ? { wordBreak: 'break-all' } : undefined} component="div">
            {item.value}
          </Text>
        </Stack>
      ))}
    </SimpleGrid>
  );
}
