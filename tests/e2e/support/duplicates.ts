import type { Page } from '@playwright/test';
import type { Api } from './customers';

interface Contact {
  id: string;
  firstName: string | null;
  lastName: string;
  email: string | null;
  deletedAt: string | null;
}

/** A contact with one logged call on its timeline, made through the API. */
export async function contactWithCall(api: Api, values: Record<string, unknown>, subject: string): Promise<Contact> {
  const contact = await api.call<Contact>('contacts.create', values);
  await api.call('activities.create', { type: 'call', subject, status: 'done', relatedType: 'contacts', relatedId: contact.id });
  return contact;
}

/** The "Possible duplicates" warning (create form or record page), in either language. */
export function duplicateWarning(scope: Page | ReturnType<Page['getByRole']>, language: 'en' | 'zh-CN' = 'en') {
  return scope.getByRole('alert', { name: language === 'en' ? 'Possible duplicates' : '可能重复' });
}

/** The candidate row of a warning that links to this contact. */
export function candidateLink(warning: ReturnType<typeof duplicateWarning>, contactId: string) {
  return warning.locator(`a[href$="/contacts/${contactId}"]`);
}

/** The candidate row of a warning for this contact (its link, score, rules and Merge button). */
export function candidateRow(warning: ReturnType<typeof duplicateWarning>, contactId: string) {
  return warning.getByTestId('duplicate-candidate').filter({ has: warning.page().locator(`a[href$="/contacts/${contactId}"]`) });
}

/** The id of the record whose page is open (`#/contacts/<id>`). */
export function openRecordId(page: Page): string {
  const match = /\/contacts\/([^/?#]+)$/.exec(page.url());
  if (!match) throw new Error(`not on a contact page: ${page.url()}`);
  return match[1]!;
}
