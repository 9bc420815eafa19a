import { Alert, Anchor, Badge, Button, Group, Stack, Text, type MantineSpacing } from '@mantine/core';
import { IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DuplicateCandidate } from '../../../../shared/schemas/duplicates';
import type { z } from 'zod';
import { recordTypeConfig } from '../records/registry';

export type Candidate = z.infer<typeof DuplicateCandidate>;

interface Props {
  candidates: readonly Candidate[];
  body: string;
  /** Offered per candidate that can be merged with the record (same type, allowed). */
  onMerge?: (candidate: Candidate) => void;
  canMerge?: (candidate: Candidate) => boolean;
  /** Links open the candidate; from a form they should not lose what was typed. */
  onOpen?: () => void;
  mb?: MantineSpacing;
}

/** The "Possible duplicates" warning: each candidate with a link, its score and the rules that matched. */
export function DuplicateCandidates({ candidates, body, onMerge, canMerge, onOpen, mb }: Props) {
  const { t } = useTranslation();
  if (candidates.length === 0) return null;
  return (
    <Alert mb={mb} color="yellow" variant="light" icon={<IconCopy size={18} />} title={t('duplicates.warning.title')} role="alert" aria-label={t('duplicates.warning.title')}>
      <Stack gap="xs">
        <Text size="sm">{body}</Text>
        {candidates.map((candidate) => {
          const config = recordTypeConfig(candidate.type);
          const rules = [...new Set(candidate.reasons.map((reason) => reason.rule))];
          return (
            <Group key={`${candidate.type}:${candidate.id}`} gap="sm" wrap="wrap" data-testid="duplicate-candidate">
              {config ? (
                <Anchor component={Link} to={`${config.path}/${candidate.id}`} size="sm" fw={600} onClick={onOpen}>
                  {candidate.title}
                </Anchor>
              ) : (
                <Text size="sm" fw={600}>
                  {candidate.title}
                </Text>
              )}
              {config && (
                <Badge variant="outline" color="gray" size="sm">
                  {t(config.labels.singular)}
                </Badge>
              )}
              <Badge variant="light" color="yellow" size="sm">
                {t('duplicates.warning.score', { score: Math.round(candidate.score * 100) })}
              </Badge>
              <Text size="sm" c="dimmed">
                {rules.map((rule) => t(`duplicates.rules.${rule}`, { defaultValue: rule })).join(', ')}
              </Text>
              {onMerge && (canMerge?.(candidate) ?? true) && (
                <Button size="compact-sm" variant="light" onClick={() => onMerge(candidate)}>
                  {t('duplicates.warning.merge')}
                </Button>
              )}
            </Group>
          );
        })}
      </Stack>
    </Alert>
  );
}
