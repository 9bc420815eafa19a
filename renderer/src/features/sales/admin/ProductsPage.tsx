import { Badge, Button, Group, Paper, Switch, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../../shared/methods';
import { useApiMutation, useApiQuery } from '../../../api/hooks';
import { DataTable, type DataColumn } from '../../../components/DataTable';
import { notifySuccess } from '../../../components/notify';
import { PageHeader } from '../../../components/PageHeader';
import { useFormatters } from '../../records/format';
import { parseMoney } from '../money';

type Product = MethodOutput<'products.list'>['items'][number];

/** Settings > Products (administrators): the catalogue, a new product, switching one on or off. */
export function ProductsPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const queryClient = useQueryClient();
  const products = useApiQuery('products.list', { limit: 500 }, { meta: { silent: true } });
  const [draft, setDraft] = useState({ name: '', code: '', family: '', listPrice: '' });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['products.list'] });
  const create = useApiMutation('products.create', {
    onSuccess: (product) => {
      setDraft({ name: '', code: '', family: '', listPrice: '' });
      notifySuccess(t('sales.admin.productSaved', { name: product.name }));
      refresh();
    },
  });
  const update = useApiMutation('products.update', { onSuccess: refresh });
  const price = draft.listPrice.trim() === '' ? null : parseMoney(draft.listPrice);
  const items = products.data?.items ?? [];
  const columns: DataColumn<Product>[] = [
    { key: 'name', header: t('sales.admin.productName'), cell: (product) => <Text fw={500} size="sm">{product.name}</Text> },
    { key: 'code', header: t('sales.admin.code'), cell: (product) => product.code && <Badge variant="light" color="gray">{product.code}</Badge> },
    { key: 'family', header: t('sales.admin.family'), cell: (product) => product.family },
    { key: 'price', header: t('sales.admin.listPrice'), numeric: true, cell: (product) => (product.listPrice === null ? '' : format.money(product.listPrice)) },
    {
      key: 'active',
      header: t('sales.admin.active'),
      cell: (product) => (
        <Switch
          aria-label={`${t('sales.admin.active')}: ${product.name}`}
          checked={product.active}
          onChange={(event) => update.mutate({ id: product.id, version: product.version, patch: { active: event.currentTarget.checked } })}
        />
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('sales.admin.products')} description={t('sales.admin.productsDescription')} />
      <Paper withBorder radius="lg" p="lg" mb="lg">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput label={t('sales.admin.productName')} required value={draft.name} maxLength={200} onChange={(event) => setDraft({ ...draft, name: event.currentTarget.value })} />
          <TextInput label={t('sales.admin.code')} value={draft.code} maxLength={60} onChange={(event) => setDraft({ ...draft, code: event.currentTarget.value })} w={140} />
          <TextInput label={t('sales.admin.family')} value={draft.family} maxLength={80} onChange={(event) => setDraft({ ...draft, family: event.currentTarget.value })} w={160} />
          <TextInput
            label={t('sales.admin.listPrice')}
            inputMode="decimal"
            value={draft.listPrice}
            onChange={(event) => setDraft({ ...draft, listPrice: event.currentTarget.value })}
            error={price === undefined ? t('records.validation.number') : undefined}
            w={140}
          />
          <Button
            leftSection={<IconPlus size={16} />}
            disabled={!draft.name.trim() || price === undefined}
            loading={create.isPending}
            onClick={() =>
              create.mutate({ name: draft.name.trim(), code: draft.code.trim() || null, family: draft.family.trim() || null, listPrice: price ?? null })
            }
          >
            {t('sales.admin.newProduct')}
          </Button>
        </Group>
      </Paper>
      <DataTable
        label={t('sales.admin.products')}
        columns={columns}
        rows={items}
        rowKey={(product) => product.id}
        empty={t('sales.admin.noProducts')}
        loading={products.isPending}
      />
    </>
  );
}
