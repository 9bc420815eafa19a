import { accountsConfig } from '../customers/configs/accounts';
import { contactsConfig } from '../customers/configs/contacts';
import { casesConfig } from '../service/configs/cases';
import { leadsConfig } from '../sales/configs/leads';
import { opportunitiesConfig } from '../sales/configs/opportunities';

/** The record types the palette offers "New …" for, in the order it lists them. */
export const CREATABLE_CONFIGS = {
  accounts: accountsConfig,
  contacts: contactsConfig,
  leads: leadsConfig,
  opportunities: opportunitiesConfig,
  cases: casesConfig,
} as const;

export type CreatableType = keyof typeof CREATABLE_CONFIGS;
