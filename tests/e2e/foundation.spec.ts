import { expect, screenshot, signIn, signOut, storedToken, test } from './fixtures';
import { ADMIN, SALES } from './support/accounts';

// One story, in order: the sales user the admin creates is the one who signs in later.
test.describe.configure({ mode: 'serial' });

test('a wrong password shows the message the server sends', async ({ page, request }) => {
  const answer = await request.post('/api/v1/auth.login', { data: { username: ADMIN.username, password: 'not-the-password' } });
  expect(answer.status()).toBe(401);
  const { error } = (await answer.json()) as { error: { code: string; message: string } };
  expect(error.code).toBe('UNAUTHENTICATED');

  await page.goto('/');
  await page.getByRole('textbox', { name: 'Username', exact: true }).fill(ADMIN.username);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill('still-not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Could not sign in');
  await expect(alert).toContainText(error.message);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
});

test('the admin sees the frame and creates a sales user', async ({ page, request }) => {
  await signIn(page, ADMIN.username, ADMIN.password);
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  for (const item of ['Home', 'Accounts', 'Contacts', 'Leads', 'Opportunities', 'Activities', 'Cases', 'Reports']) {
    await expect(nav.getByRole('link', { name: item })).toBeVisible();
  }
  await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveAttribute('placeholder', 'Search…');
  await screenshot(page, 'frame-en-light');

  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await screenshot(page, 'frame-en-dark');
  await page.getByRole('button', { name: 'Switch to light theme' }).click();

  await nav.getByRole('link', { name: 'Reports' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();

  await nav.getByRole('button', { name: 'Settings' }).click();
  await nav.getByRole('link', { name: 'Users' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
  await expect(page.getByTestId(`user-row-${ADMIN.username}`)).toBeVisible();

  await page.getByRole('button', { name: 'New user' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create user' });
  await dialog.getByRole('textbox', { name: 'Username', exact: true }).fill(SALES.username);
  await dialog.getByRole('textbox', { name: 'Display name', exact: true }).fill(SALES.displayName);
  await dialog.getByRole('textbox', { name: 'Password', exact: true }).fill(SALES.password);
  await dialog.getByRole('combobox', { name: 'Role', exact: true }).click();
  await page.getByRole('option', { name: 'Sales' }).click();
  await screenshot(page, 'users-create-dialog-en-light');
  await dialog.getByRole('button', { name: 'Create user' }).click();
  await expect(dialog).toBeHidden();

  const row = page.getByTestId(`user-row-${SALES.username}`);
  await expect(row).toContainText(SALES.displayName);
  await expect(row.getByRole('combobox', { name: `Role of ${SALES.username}` })).toHaveValue('Sales');
  await expect(row).toContainText('Active');
  await screenshot(page, 'users-en-light');

  // Role changes inline and takes effect at once; then back to sales for the next test.
  await row.getByRole('combobox', { name: `Role of ${SALES.username}` }).click();
  await page.getByRole('option', { name: 'Support' }).click();
  await expect(page.getByText(`${SALES.displayName} is now Support.`)).toBeVisible();
  await row.getByRole('combobox', { name: `Role of ${SALES.username}` }).click();
  await page.getByRole('option', { name: 'Sales' }).click();
  await expect(page.getByText(`${SALES.displayName} is now Sales.`)).toBeVisible();
  await expect(row.getByRole('combobox', { name: `Role of ${SALES.username}` })).toHaveValue('Sales');

  // A user created elsewhere (here: straight through the API) appears through the change feed, without a reload.
  const token = await storedToken(page);
  const created = await request.post('/api/v1/users.create', {
    headers: { Authorization: `Bearer ${token}` },
    data: { username: 'victor', displayName: 'Victor Support', password: 'victor-Passw0rd', role: 'support' },
  });
  expect(created.ok()).toBe(true);
  await expect(page.getByTestId('user-row-victor')).toContainText('Victor Support');

  await row.getByRole('button', { name: `Deactivate ${SALES.username}` }).click();
  await expect(row).toContainText('Deactivated');
  await row.getByRole('button', { name: `Reactivate ${SALES.username}` }).click();
  await expect(row).toContainText('Active');

  await signOut(page);
});

test('a sales user has no user administration', async ({ page }) => {
  await signIn(page, SALES.username, SALES.password);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Welcome, ${SALES.displayName}`);
  await expect(page.getByRole('button', { name: 'Account menu' })).toContainText('Sales');

  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await nav.getByRole('button', { name: 'Settings' }).click();
  await expect(nav.getByRole('link', { name: 'Preferences' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Users' })).toHaveCount(0);

  await page.goto('/#/settings/users');
  await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
});

test('switching to Simplified Chinese translates the frame and is remembered', async ({ page }) => {
  await signIn(page, SALES.username, SALES.password);
  await page.getByRole('button', { name: 'Language' }).click();
  await page.getByRole('menuitem', { name: '简体中文' }).click();

  const nav = page.getByRole('navigation', { name: '主导航' });
  for (const item of ['首页', '客户', '联系人', '线索', '商机', '活动', '服务工单', '报表']) {
    await expect(nav.getByRole('link', { name: item })).toBeVisible();
  }
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`欢迎，${SALES.displayName}`);
  await expect(page.getByRole('searchbox', { name: '搜索' })).toHaveAttribute('placeholder', '搜索…');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await screenshot(page, 'frame-zh-light');

  await page.getByRole('button', { name: '切换到深色主题' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await screenshot(page, 'frame-zh-dark');

  await page.reload();
  await expect(nav.getByRole('link', { name: '客户' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');

  await nav.getByRole('button', { name: '设置' }).click();
  await nav.getByRole('link', { name: '偏好设置' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '偏好设置' })).toBeVisible();
  await screenshot(page, 'preferences-zh-dark');
});

test('a user changes their own password; a wrong current password keeps them signed in', async ({ page }) => {
  await signIn(page, 'victor', 'victor-Passw0rd');
  await page.getByRole('button', { name: 'Account menu' }).click();
  await page.getByRole('menuitem', { name: 'Change password' }).click();
  const dialog = page.getByRole('dialog', { name: 'Change password' });
  await dialog.getByRole('textbox', { name: 'Current password', exact: true }).fill('not-my-password');
  await dialog.getByRole('textbox', { name: 'New password', exact: true }).fill('victor-New-Passw0rd');
  await dialog.getByRole('textbox', { name: 'Confirm new password', exact: true }).fill('victor-New-Passw0rd');
  await dialog.getByRole('button', { name: 'Change password' }).click();
  await expect(dialog.getByRole('alert')).not.toBeEmpty();
  await expect(dialog).toBeVisible();
  await screenshot(page, 'change-password-error-en-light');

  await dialog.getByRole('textbox', { name: 'Current password', exact: true }).fill('victor-Passw0rd');
  await dialog.getByRole('button', { name: 'Change password' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Your password was changed.')).toBeVisible();

  await signOut(page);
  await signIn(page, 'victor', 'victor-New-Passw0rd');
});

test('repeated wrong passwords are refused with the server\'s rate-limit message', async ({ page, request }) => {
  // Failures count per username: a made-up one leaves the real accounts of this run alone.
  for (let attempt = 0; attempt < 5; attempt++) {
    await request.post('/api/v1/auth.login', { data: { username: 'mallory', password: `guess-${attempt}` } });
  }
  const locked = await request.post('/api/v1/auth.login', { data: { username: 'mallory', password: 'guess-again' } });
  expect(locked.status()).toBe(429);
  const { error } = (await locked.json()) as { error: { message: string } };

  await page.goto('/');
  await page.getByRole('textbox', { name: 'Username', exact: true }).fill('mallory');
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill('one-more-guess');
  await page.getByRole('button', { name: 'Sign in' }).click();
  // The lock doubles with every refused attempt, so only the start of the message is stable.
  await expect(page.getByRole('alert')).toContainText(error.message.replace(/\d+ seconds?\.$/, ''));
});

test('when the session ends on the server the app returns to the login page', async ({ page, request }) => {
  await signIn(page, ADMIN.username, ADMIN.password);
  const token = await storedToken(page);
  expect(token).toBeTruthy();
  const logout = await request.post('/api/v1/auth.logout', { data: {}, headers: { Authorization: `Bearer ${token}` } });
  expect(logout.ok()).toBe(true);

  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  const signInHeading = page.getByRole('heading', { name: 'Sign in' });
  // Whichever comes first finds the session gone: the user's next click, or the app itself (its live
  // feed and background refreshes) just before it, when there is no navigation left to click.
  await nav
    .getByRole('link', { name: 'Contacts' })
    .click({ timeout: 5_000 })
    .catch(() => expect(signInHeading).toBeVisible());
  await expect(signInHeading).toBeVisible();
  await expect(page.getByText('Your session has ended. Please sign in again.')).toBeVisible();
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the frame fits the screen and the navigation opens from the burger', async ({ page }) => {
    await signIn(page, SALES.username, SALES.password);
    const overflow = await page.evaluate(() => {
      const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } })
        .document.documentElement;
      return root.scrollWidth - root.clientWidth;
    });
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'frame-mobile-light');

    await page.getByRole('button', { name: 'Toggle navigation' }).click();
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Contacts' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Contacts' })).toBeVisible();
    // The collapsed navbar slides out of view rather than leaving the page.
    await expect(page.getByRole('navigation', { name: 'Main navigation' })).not.toBeInViewport();
  });
});

test.describe('in a Chinese browser', () => {
  test.use({ locale: 'zh-CN' });

  test('the login page starts in Simplified Chinese', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
    await expect(page.getByRole('textbox', { name: '用户名', exact: true })).toBeVisible();
    await screenshot(page, 'login-zh-light');
  });
});
