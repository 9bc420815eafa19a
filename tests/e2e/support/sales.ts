import { expect, type Page } from '@playwright/test';
import type { Api } from './customers';

/** Shows the app in a language (the choice is kept in localStorage) and reloads. */
export async function useLanguage(page: Page, language: 'en' | 'zh-CN') {
  await page.evaluate((lang) => {
    (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem('lantern.language', lang);
  }, language);
  await page.reload();
}

interface SalesRow {
  key: string | null;
  label: string;
  open: number;
  won: number;
  lost: number;
}

/** The owner's row of `reports.sales {groupBy: 'owner'}`, zeros when the owner has no deals yet. */
export async function ownerFigures(api: Api, ownerId: string): Promise<SalesRow> {
  const report = await api.call<{ rows: SalesRow[] }>('reports.sales', { groupBy: 'owner' });
  return report.rows.find((row) => row.key === ownerId) ?? { key: ownerId, label: '', open: 0, won: 0, lost: 0 };
}

/** A stage column of the pipeline board, by the stage's name. */
export function boardColumn(page: Page, stage: string) {
  return page.getByRole('region', { name: stage, exact: true });
}

/** Waits for the board to finish loading after a filter or a move. */
export async function waitForBoard(page: Page) {
  await expect(page.getByTestId('board')).toHaveAttribute('aria-busy', 'false');
}
