import { Anchor, NumberInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MethodOutput } from '../../../../../shared/methods';
import { useApiQuery } from '../../../api/hooks';
import { DataTable, type DataColumn } from '../../../components/DataTable';
import { PageHeader } from '../../../components/PageHeader';
import { useFormatters } from '../../records/format';
import { formatDay } from '../money';

type LoyalCustomer = MethodOutput<'reports.loyalCustomers'>['items'][number];

/** Repeat buyers, most valuable first: whom to offer the next deal. */
export function LoyalCustomersPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const [minDeals, setMinDeals] = useState(2);
  const loyal = useApiQuery('reports.loyalCustomers', { minDeals, limit: 200 }, { meta: { silent: true } });
  const items = loyal.data?.items ?? [];
  const columns: DataColumn<LoyalCustomer>[] = [
    {
      key: 'account',
      header: t('sales.loyal.account'),
      cell: (item) => (
        <Anchor component={Link} to={`/accounts/${item.accountId}`} size="sm" fw={500}>
          {item.name}
        </Anchor>
      ),
    },
    { key: 'owner', header: t('sales.loyal.owner'), cell: (item) => format.userName(item.ownerId) },
    { key: 'wonCount', header: t('sales.loyal.wonCount'), numeric: true, cell: (item) => format.number(item.wonCount) },
    { key: 'wonAmount', header: t('sales.loyal.wonAmount'), numeric: true, cell: (item) => format.money(item.wonAmount) },
    { key: 'first', header: t('sales.loyal.firstPurchase'), cell: (item) => formatDay(item.firstPurchase, format.language) },
    { key: 'last', header: t('sales.loyal.lastPurchase'), cell: (item) => formatDay(item.lastPurchase, format.language) },
  ];
  return (
    <>
      <PageHeader
        title={t('sales.reports.loyal')}
        description={t('sales.reports.loyalDescription')}
        actions={<NumberInput label={t('sales.loyal.minDeals')} min={1} max={1000} value={minDeals} onChange={(value) => setMinDeals(Math.max(1, Number(value) || 1))} w={220} />}
      />
      <DataTable
        label={t('sales.reports.loyal')}
        columns={columns}
        rows={items}
        rowKey={(item) => item.accountId}
        empty={t('sales.loyal.empty')}
        loading={loyal.isPending}
      />
    </>
  );
}
