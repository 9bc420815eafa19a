import { parseArgs } from 'node:util';
import { createBackend } from '../core/backend';
import type { Backend } from '../core/backend-types';
import { defaultDataDir } from '../core/app-paths';
import { silentLogger, type CallContext } from '../core/context';
import { StartupError } from '../core/db/migrate';
import { AppError } from '../../shared/errors';
import { ROLES } from '../../shared/roles';
import { ADMIN_COMMANDS_USAGE, printLicence, runBackendCommand, runOfflineCommand } from './admin-commands';

const USAGE = `Usage: npm run admin -- <command> [--data DIR]

Commands:
  users list                                   everyone who can sign in
  users create <username> --role ROLE --password PW [--name "Display Name"]
  users reset-password <username> --password PW
  users deactivate <username>
${ADMIN_COMMANDS_USAGE}

  --data DIR   the data folder (default: ${defaultDataDir()})
Roles: ${ROLES.join(', ')}.
Run it on the office server's machine. It works while the server runs.`;

function fail(message: string): never {
  console.error(`Lantern CRM admin: ${message}`);
  process.exit(1);
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      data: { type: 'string' },
      role: { type: 'string' },
      password: { type: 'string' },
      name: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || positionals.length === 0) {
    console.log(USAGE);
    return;
  }
  const dataDir = values.data ?? defaultDataDir();
  if (await runOfflineCommand(positionals, dataDir)) return;
  // Beside a running server: no lock of its own, and the server takes the daily backups.
  const backend = await createBackend({ dataDir, logger: silentLogger, requireSetupCode: false, runLock: false, scheduledBackups: false });
  try {
    await run(backend, positionals, values);
  } finally {
    backend.close();
  }
}

async function run(backend: Backend, [group, command, target]: string[], values: Record<string, string | boolean | undefined>) {
  if (group === 'license' && command === 'show') return printLicence(backend.licenceStatus());
  const adminId = backend.firstAdminId();
  if (!adminId) fail('there is no administrator yet: start the server once with LANTERN_ADMIN_PASSWORD, or use its first-run page.');
  // The admin tool acts as the first administrator, through the same dispatch (and change log) as every client.
  const ctx: CallContext = { token: null, address: 'local', transport: 'system', actAsUserId: adminId };
  const findUser = async (username: string | undefined) => {
    if (!username) fail('name the user.');
    const { items } = await backend.dispatch(ctx, 'users.list', { includeInactive: true });
    const user = items.find((u) => u.username.toLowerCase() === username.toLowerCase());
    if (!user) fail(`there is no user called ${username}.`);
    return user;
  };
  switch (`${group} ${command}`) {
    case 'users list': {
      const { items } = await backend.dispatch(ctx, 'users.list', { includeInactive: true });
      for (const u of items) console.log([u.username, u.role, u.active ? 'active' : 'deactivated', u.displayName].join('\t'));
      return;
    }
    case 'users create': {
      const user = await backend.dispatch(ctx, 'users.create', {
        username: target ?? '',
        displayName: String(values.name ?? target ?? ''),
        password: String(values.password ?? ''),
        role: values.role as never,
      });
      console.log(`Created ${user.username} (${user.role}).`);
      return;
    }
    case 'users reset-password': {
      const user = await findUser(target);
      await backend.dispatch(ctx, 'users.update', { id: user.id, version: user.version, patch: { password: String(values.password ?? '') } });
      console.log(`New password set for ${user.username}; their sessions have ended.`);
      return;
    }
    case 'users deactivate': {
      const user = await findUser(target);
      await backend.dispatch(ctx, 'users.deactivate', { id: user.id });
      console.log(`${user.username} can no longer sign in.`);
      return;
    }
    default:
      if (await runBackendCommand(backend, ctx, [group, command, target], values)) return;
      fail(`unknown command "${[group, command].filter(Boolean).join(' ')}".\n${USAGE}`);
  }
}

main().catch((error: unknown) => {
  if (error instanceof StartupError) fail(error.message);
  if (error instanceof AppError) fail(error.message);
  fail((error as Error).message ?? String(error));
});
