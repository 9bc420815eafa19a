import { Anchor, NumberInput, Paper, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiQuery } from '../../../api/hooks';
import { PageHeader } from '../../../components/PageHeader';
import { useFormatters } from '../../records/format';
import { formatDay } from '../money';

/** Repeat buyers, most valuable first: whom to offer the next deal. */
export function LoyalCustomersPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const [minDeals, setMinDeals] = useState(2);
  const loyal = useApiQuery('reports.loyalCustomers', { minDeals, limit: 200 }, { meta: { silent: true } });
  const items = loyal.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={t('sales.reports.loyal')}
        description={t('sales.reports.loyalDescription')}
        actions={<NumberInput label={t('sales.loyal.minDeals')} min={1} max={1000} value={minDeals} onChange={(value) => setMinDeals(Math.max(1, Number(value) || 1))} w={220} />}
      />
      <Paper withBorder radius="lg" style={{ overflowX: 'auto' }}>
        <Table striped highlightOnHover verticalSpacing={8} horizontalSpacing="md" aria-label={t('sales.reports.loyal')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('sales.loyal.account')}</Table.Th>
              <Table.Th>{t('sales.loyal.owner')}</Table.Th>
              <Table.Th ta="right">{t('sales.loyal.wonCount')}</Table.Th>
              <Table.Th ta="right">{t('sales.loyal.wonAmount')}</Table.Th>
              <Table.Th>{t('sales.loyal.firstPurchase')}</Table.Th>
              <Table.Th>{t('sales.loyal.lastPurchase')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={item.accountId}>
                <Table.Td>
                  <Anchor component={Link} to={`/accounts/${item.accountId}`} size="sm" fw={500}>
                    {item.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{format.userName(item.ownerId)}</Table.Td>
                <Table.Td ta="right">{format.number(item.wonCount)}</Table.Td>
                <Table.Td ta="right">{format.money(item.wonAmount)}</Table.Td>
                <Table.Td>{formatDay(item.firstPurchase, format.language)}</Table.Td>
                <Table.Td>{formatDay(item.lastPurchase, format.language)}</Table.Td>
              </Table.Tr>
            ))}
            {items.length === 0 && !loyal.isPending && (
              <Table.Tr>
                <Table.Td colSpan={6}>
                  <Text c="dimmed" size="sm">
                    {t('sales.loyal.empty')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Paper>
    </>
  );
}
