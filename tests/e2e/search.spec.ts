import type { APIRequestContext, Page } from '@playwright/test';
import { expect, screenshot, signIn, signOut, test } from './fixtures';
import { ADMIN } from './support/accounts';
import { Api, runId } from './support/customers';
import { arrowTo, headerSearch, palette } from './support/search';
import { useLanguage } from './support/sales';

const RUN = runId();
/** Four digits of the Latin contact's phone that belong to this run (the digits of RUN's time stamp). */
const DIGITS = String(Date.now()).slice(-4);
const WANG_EMAIL = `wang.${RUN}@lantern.example.cn`;
const JOSE_EMAIL = `jose.${RUN}@lantern.example`;
const JOSE_LAST = `Ferreira${RUN}`;

interface Created {
  id: string;
}

/** A lead and a deal found by one word, whose second lines carry a status and a date. */
const LAMP = `Lamp${RUN}`;

let seeded: Promise<{ wang: Created; jose: Created }> | undefined;

/** This run's 王伟 (at a Chinese company) and José, and a lead and a deal named LAMP, created once through the API. */
function seed(request: APIRequestContext) {
  seeded ??= (async () => {
    const api = await Api.signIn(request);
    const account = await api.call<Created>('accounts.create', { name: `北京灯塔科技有限公司 ${RUN}` });
    const wang = await api.call<Created>('contacts.create', { lastName: '王', firstName: '伟', email: WANG_EMAIL, accountId: account.id });
    const jose = await api.call<Created>('contacts.create', { firstName: 'José', lastName: JOSE_LAST, email: JOSE_EMAIL, phone: `(212) 555-${DIGITS}` });
    await api.call('leads.create', { lastName: LAMP, company: 'Lamp Works', status: 'working' });
    await api.call('opportunities.create', { name: `${LAMP} order`, stage: 'Proposal', closeDate: '2031-03-17' });
    return { wang, jose };
  })();
  return seeded;
}

test('Ctrl+K finds 王伟 by two characters, the header box finds a contact by four phone digits, commands run by keyboard', async ({ page, request }) => {
  const { wang, jose } = await seed(request);
  await signIn(page, ADMIN.username, ADMIN.password);

  // Ctrl+K from the page, two Chinese characters, then the keyboard picks this run's 王伟.
  await page.keyboard.press('Control+k');
  const { dialog, input, options } = palette(page);
  await expect(dialog).toBeVisible();
  await expect(input).toBeFocused();
  await input.pressSequentially('王伟');
  const wangOption = dialog.getByRole('group', { name: 'Contacts' }).getByRole('option').filter({ hasText: WANG_EMAIL });
  await expect(wangOption).toContainText('王伟');
  await arrowTo(input, options, wangOption);
  await input.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/contacts/${wang.id}$`));
  await expect(page.getByRole('heading', { level: 1, name: '王伟' })).toBeVisible();
  await expect(dialog).toBeHidden();

  // The header box: four digits of a phone typed as they come; the result names the field it matched.
  const { box, results } = headerSearch(page);
  await box.fill(DIGITS);
  const joseOption = results.getByRole('option').filter({ hasText: `José ${JOSE_LAST}` });
  await expect(joseOption).toContainText('matched Phone');
  await arrowTo(box, results.getByRole('option'), joseOption);
  await box.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/contacts/${jose.id}$`));
  await expect(page.getByRole('heading', { level: 1, name: `José ${JOSE_LAST}` })).toBeVisible();
  await expect(box).toHaveValue('');

  // Ctrl+K in the header box takes what was typed on to the palette.
  await box.fill('王伟');
  await expect(results.getByRole('option').filter({ hasText: WANG_EMAIL })).toBeVisible();
  await box.press('Control+k');
  await expect(input).toHaveValue('王伟');
  await expect(options.filter({ hasText: WANG_EMAIL })).toBeVisible();
  await input.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(box).toHaveValue('');

  // Nothing found says so; Escape closes the dropdown.
  await box.fill(`zzqx${RUN}`);
  await expect(page.getByRole('status').filter({ hasText: `Nothing found for “zzqx${RUN}”` })).toBeVisible();
  await box.press('Escape');
  await expect(results).toBeHidden();
  await box.fill('');

  // A command by keyboard: "Go to Cases".
  await page.keyboard.press('Control+k');
  await input.pressSequentially('go to cases');
  await expect(options.filter({ hasText: 'Go to Cases' })).toHaveAttribute('aria-selected', 'true');
  await input.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible();

  // "New contact" opens the list page's create form; the new contact's page opens after saving.
  await page.keyboard.press('Control+k');
  await input.pressSequentially('new contact');
  await expect(options.filter({ hasText: 'New contact' })).toHaveAttribute('aria-selected', 'true');
  await input.press('Enter');
  const form = page.getByRole('dialog', { name: 'New contact' });
  await expect(form.getByRole('textbox', { name: 'First name' })).toBeFocused();
  await form.getByRole('textbox', { name: 'Last name' }).fill(`Palette${RUN}`);
  await form.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Palette${RUN}` })).toBeVisible();
});

for (const language of ['en', 'zh-CN'] as const) {
  test(`the palette and the header dropdown in ${language}, light and dark (screenshots)`, async ({ page, request }) => {
    await seed(request);
    await signIn(page, ADMIN.username, ADMIN.password);
    if (language === 'zh-CN') await useLanguage(page, language);
    const tag = language === 'en' ? 'en' : 'zh';
    const { dialog, input } = palette(page);
    // The header (which listens for Ctrl+K) is up again after the language's reload before the key is pressed.
    await expect(page.getByRole('searchbox', { name: language === 'en' ? 'Search' : '搜索' })).toBeVisible();

    // With nothing typed the palette lists this user's commands.
    await page.keyboard.press('Control+k');
    await expect(dialog.getByRole('option', { name: language === 'en' ? 'New contact' : '新建联系人' })).toBeVisible();
    await screenshot(page, `search-palette-commands-${tag}-light`);

    // A result's second line speaks the user's language: a status by its label, a date formatted.
    await input.pressSequentially(LAMP);
    const lead = dialog.getByRole('option').filter({ hasText: 'Lamp Works' });
    await expect(lead).toContainText(language === 'en' ? 'Working' : '跟进中');
    await expect(lead).not.toContainText('working');
    const deal = dialog.getByRole('option').filter({ hasText: `${LAMP} order` });
    await expect(deal).toContainText(language === 'en' ? 'Mar 17, 2031' : '2031年3月17日');
    await expect(deal).not.toContainText('2031-03-17');
    await input.fill('');
    await input.press('Escape');
    await shootBoth(page, `${tag}-light`);

    // Dark, switched from the palette by keyboard.
    await page.keyboard.press('Control+k');
    await input.pressSequentially(language === 'en' ? 'dark theme' : '深色');
    await input.press('Enter');
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
    await shootBoth(page, `${tag}-dark`);
  });
}

/** The palette with 王伟 and the header dropdown with the phone digits, as pictures. */
async function shootBoth(page: Page, suffix: string) {
  const { dialog, input } = palette(page);
  await page.keyboard.press('Control+k');
  await input.pressSequentially('王伟');
  await expect(dialog.getByRole('option').filter({ hasText: WANG_EMAIL })).toBeVisible();
  await screenshot(page, `search-palette-${suffix}`);
  await input.press('Escape');
  await expect(dialog).toBeHidden();
  const { box, results } = headerSearch(page);
  await box.fill(DIGITS);
  await expect(results.getByRole('option').filter({ hasText: JOSE_LAST })).toBeVisible();
  await screenshot(page, `search-header-${suffix}`);
  await box.press('Escape');
  await box.fill('');
}

test('a read-only user gets no "New …" commands and no admin pages', async ({ page, request }) => {
  const api = await Api.signIn(request);
  const reader = { username: `reader${RUN}`, displayName: 'Rita Reader', password: 'reader-Passw0rd', role: 'readonly' };
  await api.ensureUser(reader);
  await signIn(page, reader.username, reader.password);
  await page.keyboard.press('Control+k');
  const { dialog, input, options } = palette(page);
  await expect(options.filter({ hasText: 'Go to Contacts' })).toBeVisible();
  await expect(options.filter({ hasText: /^New / })).toHaveCount(0);
  await expect(options.filter({ hasText: 'Go to Users' })).toHaveCount(0);
  await expect(options.filter({ hasText: 'Go to Import' })).toHaveCount(0);
  await input.press('Escape');
  await expect(dialog).toBeHidden();
  await signOut(page);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the search icon opens the palette, which finds a contact by phone digits', async ({ page, request }) => {
    const api = await Api.signIn(request);
    const phoneDigits = String(Date.now() + 7).slice(-4);
    await api.call('contacts.create', { firstName: 'Mobile', lastName: `Finder${RUN}`, phone: `(212) 555-${phoneDigits}` });
    await signIn(page, ADMIN.username, ADMIN.password);
    await expect(headerSearch(page).box).toBeHidden();
    // The header keeps fitting: the search icon, the language menu and the user menu are all on screen.
    await expect(page.getByRole('button', { name: 'Account menu' })).toBeInViewport({ ratio: 1 });
    await screenshot(page, 'search-header-phone');
    await page.getByRole('button', { name: 'Search and commands' }).click();
    const { input, options } = palette(page);
    await input.pressSequentially(phoneDigits);
    const option = options.filter({ hasText: `Mobile Finder${RUN}` });
    await arrowTo(input, options, option);
    await screenshot(page, 'search-palette-phone');
    await input.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: `Mobile Finder${RUN}` })).toBeVisible();
  });
});
