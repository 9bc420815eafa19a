// Builds the renderer (dist/renderer/) only when it is missing or older than its sources, so
// `npm run serve` works straight after `npm ci` and costs nothing when the build is current.
//
// Usage: node build/ensure-renderer.mjs [--force]   (also exported as ensureRenderer() for build/start.mjs)
// Plain Node: no dependencies beyond Vite itself, which it runs.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const INDEX_HTML = path.join(ROOT, 'dist', 'renderer', 'index.html');
const VITE_CONFIG = path.join('renderer', 'vite.config.ts');

/** What the built renderer depends on: its sources, the shared contract, and the installed packages. */
const SOURCE_DIRS = ['renderer', 'shared'];
const SOURCE_FILES = ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.web.json'];
const SKIP_DIRS = new Set(['node_modules', 'dist', '.vite']);

/** The newest modification time (ms) of any file under `dir`, or 0 when there is none. */
function newestMtime(dir) {
  let newest = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) newest = Math.max(newest, newestMtime(full));
    } else if (entry.isFile()) {
      newest = Math.max(newest, statSync(full).mtimeMs);
    }
  }
  return newest;
}

function mtimeOf(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/** Why the renderer needs building, or null when dist/renderer/index.html is newer than every source. */
export function rendererBuildReason() {
  const built = mtimeOf(INDEX_HTML);
  if (built === 0) return 'dist/renderer/index.html is missing';
  const newest = Math.max(
    ...SOURCE_DIRS.map((dir) => newestMtime(path.join(ROOT, dir))),
    ...SOURCE_FILES.map((file) => mtimeOf(path.join(ROOT, file))),
  );
  return newest > built ? 'the sources changed since the last build' : null;
}

/** Vite's own CLI script, run with this Node: no npx, no shell, the same on Windows. */
function viteCli() {
  const packageDir = path.join(ROOT, 'node_modules', 'vite');
  const manifest = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
  const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin.vite;
  return path.join(packageDir, bin);
}

function runVite() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [viteCli(), 'build', '--config', VITE_CONFIG], { cwd: ROOT, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`vite build failed (${signal ?? `exit code ${code}`})`));
    });
  });
}

/** Builds the renderer when needed. Resolves to true when it built, false when it was current. */
export async function ensureRenderer({ force = false, log = console.log } = {}) {
  if (!existsSync(path.join(ROOT, VITE_CONFIG))) throw new Error(`${VITE_CONFIG} is missing`);
  if (!existsSync(path.join(ROOT, 'node_modules', 'vite', 'package.json'))) {
    throw new Error('vite is not installed: run npm ci first');
  }
  const reason = force ? 'a rebuild was asked for' : rendererBuildReason();
  if (!reason) return false;
  log(`ensure-renderer: building the renderer (${reason})`);
  await runVite();
  if (!existsSync(INDEX_HTML)) {
    throw new Error(`vite build finished but ${path.relative(ROOT, INDEX_HTML)} is missing: set build.outDir to dist/renderer in ${VITE_CONFIG}`);
  }
  return true;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  ensureRenderer({ force: process.argv.includes('--force') }).catch((error) => {
    console.error(`ensure-renderer: ${error.message}`);
    process.exit(1);
  });
}
