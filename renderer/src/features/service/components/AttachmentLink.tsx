import { Anchor, Group, Loader, Text } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { AttachmentMeta } from '../../../../../shared/schemas/service';
import { call } from '../../../api/client';
import { notifyError } from '../../../components/notify';
import { downloadBlob } from '../../records/download';

type Attachment = z.infer<typeof AttachmentMeta>;

function kb(bytes: number): string {
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** Saves the attachment's bytes under its own name (fetched only when asked for: they can be large). */
async function download(attachment: Attachment) {
  const { dataBase64 } = await call('cases.attachment', { id: attachment.id });
  const bytes = Uint8Array.from(atob(dataBase64), (char) => char.charCodeAt(0));
  downloadBlob(attachment.filename, new Blob([bytes], { type: attachment.contentType || 'application/octet-stream' }));
}

/** An attachment on the thread: a download link, or a note when it was over the size limit and not kept. */
export function AttachmentLink({ attachment }: { attachment: Attachment }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const label = `${attachment.filename} · ${kb(attachment.sizeBytes)}`;
  return (
    <Group gap={4} wrap="nowrap">
      {busy ? <Loader size={14} /> : <IconPaperclip size={14} />}
      {attachment.stored ? (
        <Anchor
          component="button"
          type="button"
          size="xs"
          aria-label={t('service.thread.download', { name: attachment.filename })}
          onClick={() => {
            setBusy(true);
            download(attachment)
              .catch(notifyError)
              .finally(() => setBusy(false));
          }}
        >
          {label}
        </Anchor>
      ) : (
        <Text size="xs" c="dimmed">
          {label} · {t('service.thread.notKept')}
        </Text>
      )}
    </Group>
  );
}
