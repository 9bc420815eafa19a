import { rmSync } from 'node:fs';
import { ADMIN } from './support/accounts';
import { startOfficeServer } from './support/office-server';

/** One real office server for the whole run; the tests reach it through LANTERN_E2E_BASE_URL. */
export default async function globalSetup() {
  // Playwright cleans only its outputDir; stale screenshots would pass for this run's.
  rmSync('test-results/screenshots', { recursive: true, force: true });
  const server = await startOfficeServer({ admin: ADMIN, name: 'office-server' });
  process.env.LANTERN_E2E_BASE_URL = server.url;
  return () => server.stop();
}
