import { ActionIcon, Code, Group, Tooltip } from '@mantine/core';
import { useClipboard } from '@mantine/hooks';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** A shell command to run on the server, with a copy button (the clipboard works on https and in Electron). */
export function CopyCommand({ command }: { command: string }) {
  const { t } = useTranslation();
  const clipboard = useClipboard({ timeout: 2000 });
  const label = clipboard.copied ? t('admin.common.copied') : t('admin.common.copy');
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Code block style={{ flex: 1, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }} data-testid="restore-command">
        {command}
      </Code>
      <Tooltip label={label} withArrow>
        <ActionIcon variant="light" size="lg" aria-label={label} color={clipboard.copied ? 'teal' : undefined} onClick={() => clipboard.copy(command)}>
          {clipboard.copied ? <IconCheck size={18} /> : <IconCopy size={18} />}
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}
