import { Alert, Anchor, Badge, Button, Group, List, Modal, Progress, Stack, Text } from '@mantine/core';
import { IconMailDown } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { MethodOutput } from '../../../../../shared/methods';
import { call } from '../../../api/client';
import { FileDropZone } from '../../../components/FileDropZone';
import { errorMessage } from '../../../components/notify';

interface Item {
  file: string;
  raw: string;
  preview?: MethodOutput<'cases.previewEmail'>;
  result?: MethodOutput<'cases.captureEmail'>;
  error?: string;
}

/** Reads each dropped file as text (an .eml is RFC 822 text) and asks what capturing it would do. */
async function previewFiles(files: readonly File[]): Promise<Item[]> {
  return Promise.all(
    files.map(async (file) => {
      const raw = await file.text();
      try {
        return { file: file.name, raw, preview: await call('cases.previewEmail', { raw }) };
      } catch (error) {
        return { file: file.name, raw, error: errorMessage(error) };
      }
    }),
  );
}

function PreviewLine({ item }: { item: Item }) {
  const { t } = useTranslation();
  if (item.error) return <Text c="red" size="sm">{t('service.import.failed', { file: item.file, message: item.error })}</Text>;
  const preview = item.preview!;
  const from = preview.from.name ? `${preview.from.name} <${preview.from.address}>` : preview.from.address;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {preview.alreadyCapturedCaseId
          ? t('service.import.already')
          : preview.threadCaseId && preview.threadedBy
            ? t('service.import.threads', { by: t(`service.import.by.${preview.threadedBy}`) })
            : t('service.import.newCase', { from, subject: preview.subject })}
      </Text>
      <Group gap={6}>
        <Badge variant="light" color={preview.contactId ? 'teal' : 'gray'} size="sm">
          {preview.contactId ? t('service.import.knownContact') : t('service.import.unknownSender')}
        </Badge>
        {preview.duplicateCandidates.length > 0 && (
          <Badge variant="light" color="orange" size="sm">
            {t('service.import.duplicates', { count: preview.duplicateCandidates.length })}
          </Badge>
        )}
      </Group>
    </Stack>
  );
}

/** The "Import email" drop zone: drop or pick .eml files, see what will happen, capture them, open the case. */
export function EmailImport() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [items, setItems] = useState<Item[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(0);
  const finished = items !== null && items.every((item) => item.result || item.error);

  const open = async (files: readonly File[]) => {
    if (files.length === 0) return;
    setDone(0);
    setItems(await previewFiles(files));
  };

  const capture = async () => {
    if (!items) return;
    setBusy(true);
    const next = [...items];
    // One at a time: the progress shows where it stands, and a bad message does not stop the rest.
    for (const [index, item] of next.entries()) {
      if (item.error) continue;
      try {
        next[index] = { ...item, result: await call('cases.captureEmail', { raw: item.raw }) };
      } catch (error) {
        next[index] = { ...item, error: errorMessage(error) };
      }
      setDone((count) => count + 1);
      setItems([...next]);
    }
    setBusy(false);
    void queryClient.invalidateQueries({ predicate: (query) => String(query.queryKey[0]).startsWith('cases.') });
    const captured = next.filter((item) => item.result);
    if (next.length === 1 && captured.length === 1) {
      setItems(null);
      void navigate(`/cases/${captured[0]!.result!.caseId}`);
    }
  };

  const pending = items?.filter((item) => !item.error && !item.result).length ?? 0;
  const previewed = items?.filter((item) => item.preview).length ?? 0;

  return (
    <>
      <FileDropZone
        px="md"
        py="xs"
        label={t('service.import.title')}
        testId="email-drop-zone"
        inputLabel={t('service.import.pick')}
        inputTestId="email-file-input"
        accept=".eml,message/rfc822"
        multiple
        onFiles={(files, dropped) => void open(dropped ? files.filter((file) => /\.eml$/i.test(file.name)) : files)}
      >
        <Group gap="sm" wrap="nowrap">
          <IconMailDown size={22} stroke={1.6} />
          <Stack gap={0}>
            <Text fw={600} size="sm">
              {t('service.import.title')}
            </Text>
            <Text size="xs" c="dimmed">
              {t('service.import.hint')}
            </Text>
          </Stack>
        </Group>
      </FileDropZone>
      <Modal opened={items !== null} onClose={() => !busy && setItems(null)} title={t('service.import.previewTitle')} size="lg">
        {items && (
          <Stack>
            <List spacing="sm" listStyleType="none">
              {items.map((item, index) => (
                <List.Item key={`${item.file}-${index}`}>
                  <Text size="xs" c="dimmed">
                    {item.file}
                  </Text>
                  <PreviewLine item={item} />
                  {item.result && (
                    <Anchor component={Link} to={`/cases/${item.result.caseId}`} size="sm" onClick={() => setItems(null)}>
                      {item.result.caseNumber}
                    </Anchor>
                  )}
                </List.Item>
              ))}
            </List>
            {(busy || done > 0) && (
              <Stack gap={4}>
                <Progress value={(done / Math.max(1, previewed)) * 100} />
                <Text size="xs" c="dimmed" aria-live="polite">
                  {t('service.import.progress', { done, total: previewed })}
                </Text>
              </Stack>
            )}
            {items.every((item) => item.error) && <Alert color="red">{items[0]?.error}</Alert>}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setItems(null)} disabled={busy}>
                {t('service.import.cancel')}
              </Button>
              {!finished && (
                <Button onClick={() => void capture()} loading={busy} disabled={pending === 0}>
                  {t('service.import.capture', { count: pending })}
                </Button>
              )}
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
