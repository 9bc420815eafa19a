import { expect, screenshot, test } from './fixtures';
import { startOfficeServer, type OfficeServer } from './support/office-server';

// A server of its own: the shared one already has its administrator.
let server: OfficeServer;
let setupCode: string;

test.beforeAll(async () => {
  server = await startOfficeServer({ name: 'office-server-first-run' });
  const [, code] = await server.waitForOutput(/First-run setup code: (\S+)/, 10_000);
  setupCode = code!;
});

test.afterAll(async () => {
  await server?.stop();
});

test('the first administrator is created on the first-run page, which needs the setup code', async ({ page }) => {
  await page.goto(server.url);
  await expect(page.getByRole('heading', { name: 'Welcome to Lantern CRM' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Administrator username', exact: true })).toHaveValue('admin');

  await page.getByRole('textbox', { name: 'Setup code', exact: true }).fill('wrong-code');
  await page.getByRole('textbox', { name: 'Display name', exact: true }).fill('Ada Admin');
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill('first-Passw0rd');
  await page.getByRole('textbox', { name: 'Confirm password', exact: true }).fill('first-Passw0rd-typo');
  await page.getByRole('button', { name: 'Create administrator and sign in' }).click();
  await expect(page.getByText('The passwords do not match')).toBeVisible();
  await screenshot(page, 'first-run-en-light');

  await page.getByRole('textbox', { name: 'Confirm password', exact: true }).fill('first-Passw0rd');
  await page.getByRole('button', { name: 'Create administrator and sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('Could not create the administrator');

  await page.getByRole('textbox', { name: 'Setup code', exact: true }).fill(setupCode);
  await page.getByRole('button', { name: 'Create administrator and sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome, Ada Admin' })).toBeVisible();
});
