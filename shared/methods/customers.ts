import { defineMethod } from '../method';
import { recordMethods } from './records';
import { Account, AccountCreate, AccountDelete, AccountPatch } from '../schemas/records/accounts';
import { Contact, ContactCreate, ContactPatch } from '../schemas/records/contacts';
import { Activity, ActivityCreate, ActivityPatch, MyWork, MyWorkInput } from '../schemas/records/activities';

export const accountMethods = recordMethods('accounts', 'account', {
  record: Account,
  create: AccountCreate,
  patch: AccountPatch,
  delete: AccountDelete,
});

export const contactMethods = recordMethods('contacts', 'contact', { record: Contact, create: ContactCreate, patch: ContactPatch });

export const activityMethods = {
  ...recordMethods('activities', 'activity', { record: Activity, create: ActivityCreate, patch: ActivityPatch }),
  'activities.myWork': defineMethod({
    summary: 'Your open activities: overdue, due today, upcoming; and what you finished lately.',
    input: MyWorkInput,
    output: MyWork,
    kind: 'read',
    access: 'user',
  }),
};

