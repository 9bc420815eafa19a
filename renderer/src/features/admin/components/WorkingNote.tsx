import { Progress, Stack, Text } from '@mantine/core';

/** Long work on the server that reports no steps (a backup, a restore): what is happening, and that it is. */
export function WorkingNote({ label }: { label: string }) {
  return (
    <Stack gap={6} role="status" aria-live="polite">
      <Text size="sm">{label}</Text>
      <Progress value={100} striped animated aria-label={label} />
    </Stack>
  );
}
