import { Button, Group, NumberInput, Switch, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuplicateRulesOutput } from '../../../../shared/schemas/duplicates';
import type { z } from 'zod';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { notifySuccess } from '../../components/notify';
import { QueryState } from '../admin/components/QueryState';
import { Section } from '../admin/components/Section';
import type { DuplicateTypeName } from './match-fields';

type Rules = z.infer<typeof DuplicateRulesOutput>;
type Rule = Rules['rules'][number];

/** Administrators turn the rules of one type on or off and tune their scores and name thresholds. */
export function RulesCard({ type }: { type: DuplicateTypeName }) {
  const { t } = useTranslation();
  const rules = useApiQuery('duplicates.rules', {});
  return (
    <Section title={t('duplicates.settings.title')} description={t('duplicates.settings.description')}>
      <QueryState query={rules}>{(data) => <RulesForm key={type} type={type} saved={data} />}</QueryState>
    </Section>
  );
}

/** A score or threshold between `min` and 1, in a table cell. */
function RuleNumber({ min, step, value, onChange, label }: { min: number; step: number; value: number; onChange: (value: number) => void; label: string }) {
  return (
    <NumberInput
      size="xs"
      w={100}
      min={min}
      max={1}
      step={step}
      decimalScale={2}
      value={value}
      onChange={(next) => typeof next === 'number' && onChange(next)}
      aria-label={label}
    />
  );
}

function RulesForm({ type, saved }: { type: DuplicateTypeName; saved: Rules }) {
  const { t } = useTranslation();
  const [rules, setRules] = useState<Rule[]>(() => saved.rules.filter((rule) => rule.type === type));
  const [minScore, setMinScore] = useState(saved.minScore);
  const save = useApiMutation('duplicates.updateRules', { onSuccess: () => notifySuccess(t('duplicates.settings.saved')) });
  const change = (name: string, patch: Partial<Rule>) => setRules((previous) => previous.map((rule) => (rule.rule === name ? { ...rule, ...patch } : rule)));
  const submit = () =>
    save.mutate({
      rules: rules.map(({ type: ruleType, rule, enabled, score, threshold }) => ({ type: ruleType, rule, enabled, score, ...(threshold === null ? {} : { threshold }) })),
      minScore,
    });

  return (
    <>
      <Table withTableBorder aria-label={t('duplicates.settings.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('duplicates.settings.enabled')}</Table.Th>
            <Table.Th>{t('duplicates.settings.rule')}</Table.Th>
            <Table.Th>{t('duplicates.settings.ruleScore')}</Table.Th>
            <Table.Th>{t('duplicates.settings.threshold')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rules.map((rule) => {
            const name = t(`duplicates.rules.${rule.rule}`, { defaultValue: rule.rule });
            return (
              <Table.Tr key={rule.rule}>
                <Table.Td>
                  <Switch checked={rule.enabled} onChange={(event) => change(rule.rule, { enabled: event.currentTarget.checked })} aria-label={name} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{name}</Text>
                </Table.Td>
                <Table.Td>
                  <RuleNumber
                    min={0.05}
                    step={0.05}
                    value={rule.score}
                    onChange={(score) => change(rule.rule, { score })}
                    label={`${t('duplicates.settings.ruleScore')}: ${name}`}
                  />
                </Table.Td>
                <Table.Td>
                  {rule.threshold !== null && (
                    <RuleNumber
                      min={0.7}
                      step={0.01}
                      value={rule.threshold}
                      onChange={(threshold) => change(rule.rule, { threshold })}
                      label={`${t('duplicates.settings.threshold')}: ${name}`}
                    />
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <Group justify="space-between" align="flex-end">
        <NumberInput
          label={t('duplicates.settings.minScore')}
          w={160}
          min={0}
          max={1}
          step={0.05}
          decimalScale={2}
          value={minScore}
          onChange={(value) => typeof value === 'number' && setMinScore(value)}
        />
        <Button onClick={submit} loading={save.isPending}>
          {t('duplicates.settings.save')}
        </Button>
      </Group>
    </>
  );
}
