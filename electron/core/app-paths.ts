import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The application root: two levels above this file, both in the source tree (electron/core/) and in
 * the bundles (dist/electron/). migrations/ and dist/renderer/ are found from here.
 */
export function appRoot(): string {
  const here = typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url));
  return resolve(here, '..', '..');
}

export const PRODUCT_FOLDER = 'Lantern CRM';

/**
 * The default data folder: the same place Electron's app.getPath('userData') gives the desktop app,
 * so the office server and the desktop app of one user agree on where data lives.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_FOLDER);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_FOLDER);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), PRODUCT_FOLDER);
}
