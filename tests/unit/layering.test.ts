import { ESLint } from 'eslint';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_VERSION } from '../../shared/version';

const eslint = new ESLint({ cwd: join(__dirname, '..', '..') });

async function restrictedImports(filePath: string, code: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').length;
}

describe('the layers of ARCHITECTURE.md', () => {
  it('keeps electron out of the backend, the server, the contract and migrations', async () => {
    for (const file of ['electron/core/x.ts', 'electron/server/x.ts', 'shared/x.ts', 'migrations/0099_x.ts']) {
      expect(await restrictedImports(file, "import { app } from 'electron';\nexport const a = app;\n"), file).toBe(1);
    }
    expect(await restrictedImports('electron/main/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toBe(0);
  });

  it('keeps the renderer away from electron/**', async () => {
    expect(await restrictedImports('renderer/src/x.ts', "import { createBackend } from '../../electron/core/backend';\nexport const a = createBackend;\n")).toBe(1);
    expect(await restrictedImports('renderer/src/x.ts', "import { methods } from '../../shared/methods';\nexport const a = methods;\n")).toBe(0);
  });
});

describe('version', () => {
  it('reports the version package.json declares', () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));
    expect(APP_VERSION).toBe(pkg.version);
  });
});
