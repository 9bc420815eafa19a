import { ActionIcon, Alert, Button, Group, NumberInput, Paper, Select, Table, Text, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Opportunity } from '../../../../../shared/schemas/records/opportunities';
import { useApiMutation, useApiQuery } from '../../../api/hooks';
import { errorMessage, notifySuccess } from '../../../components/notify';
import { useFormatters } from '../../records/format';
import { recordKeys } from '../../records/api';

interface Line {
  productId: string | null;
  quantity: number;
  unitPrice: number | '';
  discountPct: number;
}

const lineTotal = (line: Line) => Math.round(line.quantity * Number(line.unitPrice || 0) * (1 - line.discountPct / 100) * 100) / 100;

/** The deal's products; once it has any, their total is its amount. */
export function LineItemsCard({ opportunity, canEdit }: { opportunity: Opportunity; canEdit: boolean }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const queryClient = useQueryClient();
  const items = useApiQuery('opportunities.lineItems.list', { opportunityId: opportunity.id }, { meta: { silent: true } });
  const products = useApiQuery('products.list', { active: true, limit: 500 }, { enabled: canEdit, staleTime: 60_000, meta: { silent: true } });
  const [draft, setDraft] = useState<Line[] | null>(null);
  const save = useApiMutation('opportunities.lineItems.set', {
    meta: { silent: true },
    onSuccess: (result) => {
      queryClient.setQueryData(recordKeys.get('opportunities', opportunity.id), result.opportunity);
      void queryClient.invalidateQueries({ queryKey: ['opportunities.lineItems.list'] });
      setDraft(null);
      notifySuccess(t('sales.lineItems.saved', { amount: format.money(result.opportunity.amount ?? 0) }));
    },
  });
  const productOptions = (products.data?.items ?? []).map((product) => ({ value: product.id, label: product.code ? `${product.name} (${product.code})` : product.name }));
  const priceOf = (id: string | null) => products.data?.items.find((product) => product.id === id)?.listPrice ?? 0;

  const startEdit = () =>
    setDraft(
      (items.data?.items ?? []).map((item) => ({ productId: item.productId, quantity: item.quantity, unitPrice: item.unitPrice, discountPct: item.discountPct })),
    );
  const setLine = (index: number, patch: Partial<Line>) => setDraft((lines) => lines && lines.map((line, i) => (i === index ? { ...line, ...patch } : line)));
  const submit = () => {
    if (!draft) return;
    save.mutate({
      opportunityId: opportunity.id,
      version: opportunity.version,
      items: draft
        .filter((line) => line.productId)
        .map((line) => ({ productId: line.productId!, quantity: line.quantity, unitPrice: Number(line.unitPrice || 0), discountPct: line.discountPct })),
    });
  };

  const rows = items.data?.items ?? [];
  return (
    <Paper withBorder radius="lg" component="section" aria-label={t('sales.lineItems.title')} style={{ overflow: 'hidden' }}>
      <Group justify="space-between" px="lg" py="md">
        <Title order={2} fz="h4">
          {t('sales.lineItems.title')}
        </Title>
        {canEdit && !draft && (
          <Button size="xs" variant="light" onClick={startEdit}>
            {t('sales.lineItems.edit')}
          </Button>
        )}
      </Group>
      {draft ? (
        <>
          {save.isError && (
            <Alert role="alert" color="red" variant="light" mx="lg" mb="sm">
              {errorMessage(save.error)}
            </Alert>
          )}
          <Table verticalSpacing={6} horizontalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('sales.lineItems.product')}</Table.Th>
                <Table.Th w={90}>{t('sales.lineItems.quantity')}</Table.Th>
                <Table.Th w={120}>{t('sales.lineItems.unitPrice')}</Table.Th>
                <Table.Th w={90}>{t('sales.lineItems.discount')}</Table.Th>
                <Table.Th w={110} ta="right">{t('sales.lineItems.total')}</Table.Th>
                <Table.Th w={40} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {draft.map((line, index) => (
                <Table.Tr key={index}>
                  <Table.Td>
                    <Select
                      aria-label={t('sales.lineItems.product')}
                      data={productOptions}
                      value={line.productId}
                      searchable
                      onChange={(productId) => setLine(index, { productId, unitPrice: priceOf(productId) })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput aria-label={t('sales.lineItems.quantity')} min={0} value={line.quantity} onChange={(value) => setLine(index, { quantity: Number(value) || 0 })} hideControls />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput aria-label={t('sales.lineItems.unitPrice')} min={0} decimalScale={2} value={line.unitPrice} onChange={(value) => setLine(index, { unitPrice: value === '' ? '' : Number(value) })} hideControls />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput aria-label={t('sales.lineItems.discount')} min={0} max={100} value={line.discountPct} onChange={(value) => setLine(index, { discountPct: Number(value) || 0 })} hideControls />
                  </Table.Td>
                  <Table.Td ta="right">{format.money(lineTotal(line))}</Table.Td>
                  <Table.Td>
                    <ActionIcon variant="subtle" color="red" aria-label={t('sales.lineItems.remove')} onClick={() => setDraft(draft.filter((_, i) => i !== index))}>
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group justify="space-between" px="lg" py="md">
            <Button size="xs" variant="subtle" leftSection={<IconPlus size={14} />} onClick={() => setDraft([...draft, { productId: null, quantity: 1, unitPrice: '', discountPct: 0 }])}>
              {t('sales.lineItems.add')}
            </Button>
            <Group gap="sm">
              <Text size="sm" fw={600}>
                {t('sales.lineItems.sum')}: {format.money(draft.reduce((sum, line) => sum + lineTotal(line), 0))}
              </Text>
              <Button size="xs" variant="default" onClick={() => setDraft(null)}>
                {t('common.cancel')}
              </Button>
              <Button size="xs" onClick={submit} loading={save.isPending}>
                {t('sales.lineItems.save')}
              </Button>
            </Group>
          </Group>
        </>
      ) : rows.length === 0 ? (
        <Text c="dimmed" size="sm" px="lg" pb="md">
          {t('sales.lineItems.empty')}
        </Text>
      ) : (
        <Table verticalSpacing={6} horizontalSpacing="lg">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('sales.lineItems.product')}</Table.Th>
              <Table.Th ta="right">{t('sales.lineItems.quantity')}</Table.Th>
              <Table.Th ta="right">{t('sales.lineItems.unitPrice')}</Table.Th>
              <Table.Th ta="right">{t('sales.lineItems.discount')}</Table.Th>
              <Table.Th ta="right">{t('sales.lineItems.total')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((item) => (
              <Table.Tr key={item.id}>
                <Table.Td>{item.productName}</Table.Td>
                <Table.Td ta="right">{format.number(item.quantity)}</Table.Td>
                <Table.Td ta="right">{format.money(item.unitPrice)}</Table.Td>
                <Table.Td ta="right">{item.discountPct ? `${format.number(item.discountPct)}%` : ''}</Table.Td>
                <Table.Td ta="right">{format.money(item.total)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
