import { Badge, Center, Group, Loader, Paper, Stack, Text, Timeline, Title } from '@mantine/core';
import { IconCalendarEvent, IconMail, IconMailForward, IconMessage, IconPaperclip } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ThreadItem } from '../../../../../shared/schemas/service';
import { useApiQuery } from '../../../api/hooks';
import { useFormatters } from '../../records/format';
import { AttachmentLink } from './AttachmentLink';
import { EmailFrame } from './EmailFrame';

function address(mail: { address: string; name: string | null } | null | undefined): string {
  if (!mail) return '';
  return mail.name ? `${mail.name} <${mail.address}>` : mail.address;
}

function ItemBody({ item }: { item: ThreadItem }) {
  const { t } = useTranslation();
  switch (item.kind) {
    case 'email':
      return (
        <Stack gap={6}>
          <Text size="sm" fw={500}>
            {item.subject}
          </Text>
          {item.html ? (
            <EmailFrame html={item.html} title={t('service.thread.frameTitle', { subject: item.subject })} />
          ) : (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {item.text}
            </Text>
          )}
          {item.attachments.map((attachment) => (
            <AttachmentLink key={attachment.id} attachment={attachment} />
          ))}
        </Stack>
      );
    case 'comment':
      return (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {item.body}
        </Text>
      );
    case 'activity':
      return (
        <Text size="sm">
          {item.subject}
          {item.body ? ` — ${item.body}` : ''}
        </Text>
      );
    case 'attachment':
      return <AttachmentLink attachment={item.attachment} />;
  }
}

function ItemTitle({ item }: { item: ThreadItem }) {
  const { t } = useTranslation();
  const format = useFormatters();
  switch (item.kind) {
    case 'email':
      return item.direction === 'in'
        ? t('service.thread.emailIn', { from: address(item.from) })
        : t('service.thread.emailOut', { to: item.to.map(address).join(', ') });
    case 'comment':
      return (
        <Group gap={6} component="span">
          {item.authorName ?? format.userName(item.authorId) ?? ''}
          <Badge size="xs" variant="light" color={item.visibility === 'customer' ? 'teal' : 'gray'}>
            {item.visibility === 'customer' ? t('service.thread.customer') : t('service.thread.internal')}
          </Badge>
        </Group>
      );
    case 'activity':
      return t('service.thread.activity');
    case 'attachment':
      return t('service.thread.attachment');
  }
}

const ICONS = { email: IconMail, comment: IconMessage, activity: IconCalendarEvent, attachment: IconPaperclip } as const;

/** The case's thread, oldest first: emails in and out, comments, activities, attachments. */
export function CaseThread({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const thread = useApiQuery('cases.thread', { id: caseId });
  return (
    <Paper withBorder radius="lg" p="lg" data-testid="case-thread">
      <Title order={2} fz="h4" mb="md">
        {t('service.thread.title')}
      </Title>
      {thread.isPending ? (
        <Center>
          <Loader size="sm" aria-label={t('common.loading')} />
        </Center>
      ) : thread.isError ? (
        <Text c="red">{thread.error.message}</Text>
      ) : thread.data.items.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('service.thread.empty')}
        </Text>
      ) : (
        <Timeline bulletSize={26} lineWidth={2}>
          {thread.data.items.map((item) => {
            const Icon = item.kind === 'email' && item.direction === 'out' ? IconMailForward : ICONS[item.kind];
            return (
              <Timeline.Item
                key={`${item.kind}-${item.id}`}
                bullet={<Icon size={14} />}
                data-testid={`thread-${item.kind}`}
                title={
                  <Group justify="space-between" gap="xs" wrap="nowrap">
                    <Text size="sm" fw={600} truncate>
                      <ItemTitle item={item} />
                    </Text>
                    <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
                      {format.dateTime(item.at)}
                    </Text>
                  </Group>
                }
              >
                <ItemBody item={item} />
              </Timeline.Item>
            );
          })}
        </Timeline>
      )}
    </Paper>
  );
}
