import { readFile, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Download, Locator, Page } from '@playwright/test';
import iconv from 'iconv-lite';
import Papa from 'papaparse';

/** A user the import spec creates for itself: read-only users may export but not import. */
export const RITA = { username: 'rita', displayName: 'Rita Readonly', password: 'rita-Passw0rd', role: 'readonly' } as const;

export const BAD_EMAIL = 'not-an-email';

/**
 * A contacts CSV as a spreadsheet would save it: `rows` people sharing the last name `lastName`
 * (so the list's quick filter finds exactly them), one of them (row `badRow`, 1-based) with an
 * email the backend refuses. Written to a temp file, as a user would pick it.
 */
export async function writeContactsCsv(lastName: string, rows: number, badRow: number): Promise<{ path: string; name: string }> {
  const lines = ['First Name,Last Name,Email,Phone,Job Title'];
  for (let i = 1; i <= rows; i += 1) {
    const email = i === badRow ? BAD_EMAIL : `${lastName.toLowerCase()}.${i}@example.com`;
    lines.push(`Person${i},${lastName},${email},+1 212 555 ${String(1000 + i).padStart(4, '0')},Buyer`);
  }
  const name = `contacts-${lastName.toLowerCase()}.csv`;
  const path = join(await mkdtemp(join(tmpdir(), 'lantern-import-')), name);
  await writeFile(path, `${lines.join('\r\n')}\r\n`, 'utf8');
  return { path, name };
}

/** A downloaded CSV's rows (header first), read the way a spreadsheet would (BOM dropped, quotes honoured). */
export async function downloadedCsv(download: Download): Promise<string[][]> {
  const text = (await readFile(await download.path())).toString('utf8').replace(/^\uFEFF/, '');
  return Papa.parse<string[]>(text.trimEnd(), { skipEmptyLines: true }).data;
}

/** Switches the app's language the way the language menu remembers it, and reloads. */
export async function useLanguage(page: Page, language: 'en' | 'zh-CN') {
  await page.evaluate((lang) => {
    (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem('lantern.language', lang);
  }, language);
  await page.reload();
}

/** Chinese contacts as a Chinese Excel saves CSV: GBK bytes, Chinese headers; row `badRow` has a bad email. */
export async function writeGbkContactsCsv(tag: string, rows: number, badRow: number): Promise<{ path: string; name: string }> {
  const given = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊'];
  const lines = ['姓,名,邮箱,手机,职位'];
  for (let i = 1; i <= rows; i += 1) {
    const email = i === badRow ? BAD_EMAIL : `zh.${tag}.${i}@example.cn`;
    lines.push(`王${tag},${given[i % given.length]},${email},138 0013 ${String(8000 + i)},采购经理`);
  }
  const name = `联系人-${tag}.csv`;
  const path = join(await mkdtemp(join(tmpdir(), 'lantern-import-')), name);
  await writeFile(path, iconv.encode(`${lines.join('\r\n')}\r\n`, 'gbk'));
  return { path, name };
}

/** Drops a file from disk on a drop zone, as dragging it from the desktop would (a DataTransfer with the file). */
export async function dropFile(page: Page, zone: Locator, path: string, name: string) {
  const base64 = (await readFile(path)).toString('base64');
  const dataTransfer = await page.evaluateHandle(
    ({ base64, name }) => {
      const scope = globalThis as unknown as {
        atob(text: string): string;
        DataTransfer: new () => { items: { add(file: unknown): void } };
        File: new (parts: unknown[], name: string, options: { type: string }) => unknown;
      };
      const bytes = Uint8Array.from(scope.atob(base64), (char) => char.charCodeAt(0));
      const transfer = new scope.DataTransfer();
      transfer.items.add(new scope.File([bytes], name, { type: 'text/csv' }));
      return transfer;
    },
    { base64, name },
  );
  await zone.dispatchEvent('dragover', { dataTransfer });
  await zone.dispatchEvent('drop', { dataTransfer });
}
