import path from 'node:path';
import { appRoot } from '../core/app-paths';

export interface AppPaths {
  /** The bundled preload script (one CommonJS file: sandboxed preloads cannot require local modules). */
  preload: string;
  /** The built renderer's entry page. */
  rendererIndex: string;
  /** The NNNN_name.sql files the backend applies at start. */
  migrations: string;
}

/**
 * The app's own files, from the same root the office server uses: the repository in development
 * and `resources/app.asar` when packaged (the bundles sit in dist/electron/ in both, and
 * electron-builder.yml ships dist/ and migrations/ inside the asar at their repository places).
 */
export function resolveAppPaths(): AppPaths {
  const root = appRoot();
  return {
    preload: path.join(root, 'dist', 'electron', 'preload.cjs'),
    rendererIndex: path.join(root, 'dist', 'renderer', 'index.html'),
    migrations: path.join(root, 'migrations'),
  };
}
