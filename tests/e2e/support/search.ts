import { expect, type Locator, type Page } from '@playwright/test';

/** The command palette (Ctrl+K) and its text box. */
export function palette(page: Page) {
  const dialog = page.getByRole('dialog', { name: /^(Search and commands|搜索与命令)$/ });
  return { dialog, input: dialog.getByRole('combobox'), options: dialog.getByRole('option') };
}

/** The header's search box and its dropdown of results. */
export function headerSearch(page: Page) {
  const box = page.getByRole('searchbox', { name: /^(Search|搜索)$/ });
  return { box, results: page.getByRole('listbox', { name: /^(Search results|搜索结果)$/ }) };
}

/**
 * Moves the highlight with the arrow keys (from `input`, which keeps the focus) onto `target`:
 * down and back up first, so the keys are exercised even when the target is already first.
 */
export async function arrowTo(input: Locator, options: Locator, target: Locator) {
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  if ((await options.count()) > 1) {
    await input.press('ArrowDown');
    await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
    await input.press('ArrowUp');
    await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  }
  for (let step = 0; step < 40 && (await target.getAttribute('aria-selected')) !== 'true'; step += 1) await input.press('ArrowDown');
  await expect(target).toHaveAttribute('aria-selected', 'true');
}
