import { Alert, Checkbox, Group, Modal, Radio, Select, Stack, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Lead } from '../../../../../shared/schemas/records/leads';
import { fieldErrors } from '../../../api/api-error';
import { useApiMutation, useApiQuery } from '../../../api/hooks';
import { errorMessage, notifySuccess } from '../../../components/notify';
import { contactName } from '../../customers/configs/contacts';
import { RecordPicker } from '../../records/RecordPicker';
import { parseMoney } from '../money';
import { useDefaultPipeline } from '../pipelines';
import { FormActions } from '../../../components/FormActions';

const NEW = 'new';
const PICK = 'pick';

/**
 * Turns a lead into an account, a contact and optionally a deal, in one call. The likely duplicates
 * (same company, same email) are offered first so the office does not grow a second "Acme".
 */
export function ConvertLeadModal({ lead, opened, onClose }: { lead: Lead; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const candidates = useApiQuery('leads.conversionCandidates', { id: lead.id }, { enabled: opened, meta: { silent: true } });
  const pipeline = useDefaultPipeline();
  const openStages = (pipeline?.stages ?? []).filter((stage) => stage.kind === 'open');
  const [accountChoice, setAccountChoice] = useState<string | null>(null);
  const [pickedAccount, setPickedAccount] = useState<string | null>(null);
  const [contactChoice, setContactChoice] = useState<string | null>(null);
  const [withOpportunity, setWithOpportunity] = useState(true);
  const [name, setName] = useState(lead.company ? `${lead.company}` : contactName(lead));
  const [stage, setStage] = useState<string | null>(null);
  const [amount, setAmount] = useState('');
  const [closeDate, setCloseDate] = useState('');
  const [localError, setLocalError] = useState<Record<string, string>>({});

  const accounts = candidates.data?.accounts ?? [];
  const contacts = candidates.data?.contacts ?? [];
  // Until the user chooses, the first likely match is offered (or a new record when there is none).
  const account = accountChoice ?? (accounts[0]?.id ?? NEW);
  const contact = contactChoice ?? (contacts[0]?.id ?? NEW);
  const stageValue = stage ?? openStages[0]?.name ?? null;

  const convert = useApiMutation('leads.convert', {
    meta: { silent: true },
    onSuccess: (result) => {
      notifySuccess(t('sales.convert.done'));
      void queryClient.invalidateQueries({ queryKey: ['leads.get', { id: lead.id }] });
      onClose();
      if (result.opportunityId) void navigate(`/opportunities/${result.opportunityId}`);
      else void navigate(`/contacts/${result.contactId}`);
    },
  });
  const serverErrors = fieldErrors(convert.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors: Record<string, string> = {};
    const amountValue = amount.trim() === '' ? null : parseMoney(amount);
    if (withOpportunity && !name.trim()) errors.name = t('records.validation.required');
    if (withOpportunity && amountValue === undefined) errors.amount = t('records.validation.number');
    if (account === PICK && !pickedAccount) errors.account = t('records.validation.required');
    setLocalError(errors);
    if (Object.keys(errors).length > 0) return;
    convert.mutate({
      id: lead.id,
      accountId: account === NEW ? null : account === PICK ? pickedAccount : account,
      contactId: contact === NEW ? null : contact,
      opportunity: withOpportunity
        ? { name: name.trim(), stage: stageValue ?? undefined, amount: amountValue ?? null, closeDate: closeDate || null }
        : null,
    });
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('sales.convert.title')} size="lg" centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {convert.isError && (
            <Alert role="alert" color="red" variant="light">
              {errorMessage(convert.error)}
            </Alert>
          )}
          {(accounts.length > 0 || contacts.length > 0) && (
            <Alert color="yellow" variant="light">
              {t('sales.convert.likely')}
            </Alert>
          )}
          <Radio.Group label={<Title order={3} fz="h5">{t('sales.convert.account')}</Title>} value={account} onChange={setAccountChoice} error={localError.account}>
            <Stack gap={6} mt={6}>
              {accounts.map((candidate) => (
                <Radio key={candidate.id} value={candidate.id} label={t('sales.convert.existing', { name: [candidate.name, candidate.city].filter(Boolean).join(', ') })} />
              ))}
              <Radio
                value={NEW}
                label={lead.company ? t('sales.convert.newAccount', { name: lead.company }) : t('sales.convert.newAccountNoCompany')}
              />
              <Radio value={PICK} label={t('sales.convert.orPick')} />
              {account === PICK && (
                <RecordPicker refType="accounts" value={pickedAccount} onChange={setPickedAccount} aria-label={t('sales.convert.account')} />
              )}
            </Stack>
          </Radio.Group>
          <Radio.Group label={<Title order={3} fz="h5">{t('sales.convert.contact')}</Title>} value={contact} onChange={setContactChoice}>
            <Stack gap={6} mt={6}>
              {contacts.map((candidate) => (
                <Radio
                  key={candidate.id}
                  value={candidate.id}
                  label={t('sales.convert.existingContact', { name: contactName(candidate), email: candidate.email ?? '' })}
                />
              ))}
              <Radio value={NEW} label={t('sales.convert.newContact')} />
            </Stack>
          </Radio.Group>
          <Checkbox label={t('sales.convert.withOpportunity')} checked={withOpportunity} onChange={(event) => setWithOpportunity(event.currentTarget.checked)} />
          {withOpportunity && (
            <Stack gap="sm" pl="lg">
              <TextInput
                label={t('sales.opportunities.fields.name')}
                required
                value={name}
                onChange={(event) => setName(event.currentTarget.value)}
                error={localError.name ?? serverErrors['opportunity.name']}
                maxLength={200}
              />
              <Group grow align="flex-start">
                <Select
                  label={t('sales.opportunities.fields.stage')}
                  data={openStages.map((option) => ({ value: option.name, label: option.name }))}
                  value={stageValue}
                  onChange={setStage}
                  allowDeselect={false}
                  error={serverErrors['opportunity.stage']}
                />
                <TextInput
                  label={t('sales.opportunities.fields.amount')}
                  inputMode="decimal"
                  value={amount}
                  onChange={(event) => setAmount(event.currentTarget.value)}
                  error={localError.amount ?? serverErrors['opportunity.amount']}
                />
                <TextInput
                  label={t('sales.opportunities.fields.closeDate')}
                  type="date"
                  value={closeDate}
                  onChange={(event) => setCloseDate(event.currentTarget.value)}
                  error={serverErrors['opportunity.closeDate']}
                />
              </Group>
            </Stack>
          )}
          <FormActions submitLabel={t('sales.convert.submit')} submitting={convert.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
