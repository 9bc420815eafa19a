// `npm start`: the desktop app from the source tree. Finds (or fetches, once) the Electron
// runtime, builds whatever is out of date (renderer, Electron bundles), then launches Electron on
// this folder. Where the runtime cannot be had, it says so in one line and points at the office
// server, which needs no Electron.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildElectron } from './build-electron.mjs';
import { ensureRenderer } from './ensure-renderer.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(ROOT, 'package.json'));

const NO_RUNTIME =
  'Lantern CRM: the Electron runtime is not installed on this machine (it could not be downloaded). ' +
  'Run the office server instead: npm run serve -- --data <folder>';
/** After this long a silent download gets a note, so a slow first start does not look hung. */
const DOWNLOAD_NOTE_AFTER_MS = 3000;
/** A download that stalls (a proxy swallowing the connection) is given up after this long. */
const DOWNLOAD_GIVE_UP_MS = 10 * 60 * 1000;

/** The electron package's directory, or null when it is not installed (e.g. `npm ci --omit=dev`). */
function electronPackageDir() {
  try {
    return path.dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/**
 * The binary path the electron launcher package would give, without letting it download: its
 * index.js downloads on require and prints the installer's stack trace when that fails.
 */
function installedElectronBinary(packageDir) {
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH || path.join(packageDir, 'dist');
  const binary = path.join(distDir, relative);
  return existsSync(binary) ? binary : null;
}

/** Runs the launcher package's own installer quietly. Resolves true when it succeeded. */
function downloadElectron(packageDir) {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return Promise.resolve(false);
  const installer = path.join(packageDir, 'install.js');
  if (!existsSync(installer)) return Promise.resolve(false);
  return new Promise((resolve) => {
    const note = setTimeout(() => console.log('Lantern CRM: fetching the Electron runtime (first start only)...'), DOWNLOAD_NOTE_AFTER_MS);
    const child = spawn(process.execPath, [installer], { cwd: packageDir, stdio: 'ignore' });
    const giveUp = setTimeout(() => child.kill(), DOWNLOAD_GIVE_UP_MS);
    const done = (ok) => {
      clearTimeout(note);
      clearTimeout(giveUp);
      resolve(ok);
    };
    child.on('error', () => done(false));
    child.on('exit', (code) => done(code === 0));
  });
}

async function resolveElectronBinary() {
  const packageDir = electronPackageDir();
  if (!packageDir) return null;
  const installed = installedElectronBinary(packageDir);
  if (installed) return installed;
  if (!(await downloadElectron(packageDir))) return null;
  return installedElectronBinary(packageDir);
}

function launch(binary) {
  const env = { ...process.env };
  // Set by some terminals (VS Code's), it would make Electron a plain Node and ignore the app.
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(binary, [ROOT, ...process.argv.slice(2)], { cwd: ROOT, env, stdio: 'inherit', windowsHide: false });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (child.exitCode === null) child.kill(signal);
    });
  }
  child.on('error', () => {
    console.error(NO_RUNTIME);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

async function main() {
  // The runtime first: where it cannot be had, building would only be wasted time.
  const binary = await resolveElectronBinary();
  if (!binary) {
    console.error(NO_RUNTIME);
    process.exit(1);
  }
  await ensureRenderer();
  await buildElectron();
  launch(binary);
}

main().catch((error) => {
  console.error(`Lantern CRM: could not start: ${String(error?.message ?? error).split('\n')[0]}`);
  process.exit(1);
});
