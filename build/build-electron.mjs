// Bundles the Node side for Electron and for the packaged office server, into dist/electron/:
//   main.cjs     the Electron main process (package.json "main")
//   preload.cjs  the sandboxed preload: one self-contained file that requires nothing but 'electron'
//   server.cjs   the headless office server, run by the packaged app with ELECTRON_RUN_AS_NODE=1
//   admin.cjs    the admin tool, the same way
// Native modules stay outside the bundles: electron-builder ships them in node_modules (unpacked
// from the asar) and rebuilds them for Electron.
//
// Usage: node build/build-electron.mjs          (also exported as buildElectron() for build/start.mjs)
import { build } from 'esbuild';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = path.join(ROOT, 'dist', 'electron');

/** `required: false` entries may not exist yet while the server is being written: skipped with a warning. */
const ENTRIES = [
  { name: 'main', entry: 'electron/main/main.ts', out: 'main.cjs', kind: 'node', required: true },
  { name: 'preload', entry: 'electron/preload/preload.ts', out: 'preload.cjs', kind: 'preload', required: true },
  { name: 'server', entry: 'electron/server/cli.ts', out: 'server.cjs', kind: 'node', required: false },
  { name: 'admin', entry: 'electron/server/admin-cli.ts', out: 'admin.cjs', kind: 'node', required: false },
];

/**
 * Loaded from node_modules at run time, never bundled: Electron itself, native addons (and the
 * per-platform packages @node-rs/argon2 picks from), optional native speed-ups of ws, and
 * electron-updater, which expects to sit beside its own package files.
 */
const EXTERNAL = [
  'electron',
  'better-sqlite3',
  '@node-rs/*',
  'bufferutil',
  'utf-8-validate',
  'fsevents',
  'electron-updater',
];

// The backend is ESM source; in a CommonJS bundle import.meta is empty, so give it real values.
const IMPORT_META_SHIM = {
  banner: { js: "const __lanternImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: {
    'import.meta.url': '__lanternImportMetaUrl',
    'import.meta.filename': '__filename',
    'import.meta.dirname': '__dirname',
  },
};

function optionsFor(entry) {
  const common = {
    absWorkingDir: ROOT,
    entryPoints: [path.join(ROOT, entry.entry)],
    outfile: path.join(OUT_DIR, entry.out),
    bundle: true,
    format: 'cjs',
    platform: 'node',
    external: EXTERNAL,
    sourcemap: 'linked',
    sourcesContent: false,
    metafile: true,
    logLevel: 'warning',
  };
  if (entry.kind === 'preload') {
    // Runs in the sandboxed renderer (Chromium of Electron 45): no Node builtins, no import.meta shim.
    return { ...common, target: 'chrome130', external: ['electron'] };
  }
  // node20 so that server.cjs also runs under a plain Node 20, not only under Electron's Node 22.
  return { ...common, target: 'node20', ...IMPORT_META_SHIM };
}

/** A sandboxed preload can only require('electron'): anything else it pulls in must be inside the file. */
function assertSelfContainedPreload(metafile, outfile) {
  const output = metafile.outputs[path.relative(ROOT, outfile).split(path.sep).join('/')];
  const foreign = (output?.imports ?? []).filter((imported) => imported.external && imported.path !== 'electron');
  if (foreign.length > 0) {
    throw new Error(`the preload must not require anything but electron at run time, found: ${foreign.map((i) => i.path).join(', ')}`);
  }
}

export async function buildElectron({ log = console.log, warn = console.warn } = {}) {
  const present = [];
  for (const entry of ENTRIES) {
    if (existsSync(path.join(ROOT, entry.entry))) present.push(entry);
    else if (entry.required) throw new Error(`${entry.entry} is missing`);
    else warn(`build-electron: skipping ${entry.name}: ${entry.entry} does not exist yet`);
  }
  await Promise.all(
    present.map(async (entry) => {
      const options = optionsFor(entry);
      const result = await build(options);
      if (entry.kind === 'preload') assertSelfContainedPreload(result.metafile, options.outfile);
      const kb = (statSync(options.outfile).size / 1024).toFixed(0);
      log(`build-electron: ${path.relative(ROOT, options.outfile)} (${kb} kB)`);
    }),
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  buildElectron().catch((error) => {
    // esbuild has already printed the compile errors themselves; this is the one-line summary.
    console.error(`build-electron: failed: ${error.message.split('\n')[0]}`);
    process.exit(1);
  });
}
