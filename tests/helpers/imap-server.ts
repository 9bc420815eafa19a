import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';
import { makeTempDir } from './temp';

/**
 * A real IMAP server for tests: Debian's dovecot (`apt-get install -y dovecot-imapd`, done by
 * .ci/run) as a throwaway instance in a temp folder with its own config, a passwd-file user,
 * plaintext login on loopback, and maildir storage. Started as a child process with
 * `dovecot -F -c <conf>`. If it cannot start, startDovecot throws: the tests fail, never skip.
 */
export interface TestImapServer {
  host: string;
  port: number;
  user: string;
  password: string;
  /** Puts a message into a folder through IMAP APPEND, as a mail server delivering it would. */
  deliver(raw: string, folder?: string): Promise<void>;
  /** Creates a folder (mailbox) for the user. */
  createFolder(folder: string): Promise<void>;
  /** What dovecot logged so far (for failure messages). */
  logs(): string;
  stop(): Promise<void>;
}

const DOVECOT = process.env.LANTERN_DOVECOT ?? '/usr/sbin/dovecot';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** The uid/gid mail is stored as: ours, or `nobody` when the tests run as root (dovecot refuses uid 0 for mail). */
function mailOwner(): { uid: number; gid: number; user: string } {
  const uid = process.getuid?.() ?? 1000;
  if (uid !== 0) return { uid, gid: process.getgid?.() ?? uid, user: spawnSync('id', ['-un']).stdout.toString().trim() };
  const id = (flag: string) => Number(spawnSync('id', [flag, 'nobody']).stdout.toString().trim());
  return { uid: id('-u'), gid: id('-g'), user: 'root' };
}

function chownTree(path: string, uid: number, gid: number) {
  chownSync(path, uid, gid);
  if (statSync(path).isDirectory()) for (const entry of readdirSync(path)) chownTree(join(path, entry), uid, gid);
}

export async function startDovecot(options: { user?: string; password?: string } = {}): Promise<TestImapServer> {
  const user = options.user ?? 'support';
  const password = options.password ?? 'imap-secret';
  const temp = makeTempDir('lantern-dovecot-');
  const dir = temp.dir;
  const port = await freePort();
  const owner = mailOwner();
  const asRoot = (process.getuid?.() ?? 1) === 0;
  for (const sub of ['run', 'state', 'mail', `mail/${user}`]) mkdirSync(join(dir, sub), { recursive: true });
  writeFileSync(join(dir, 'passwd'), `${user}:{PLAIN}${password}:${owner.uid}:${owner.gid}::${join(dir, 'mail', user)}\n`);
  const config = [
    `instance_name = lantern-test-${port}`,
    'protocols = imap',
    'listen = 127.0.0.1',
    `base_dir = ${join(dir, 'run')}`,
    `state_dir = ${join(dir, 'state')}`,
    'log_path = /dev/stderr',
    'ssl = no',
    'disable_plaintext_auth = no',
    'auth_mechanisms = plain login',
    `mail_location = maildir:${join(dir, 'mail', '%u')}`,
    'first_valid_uid = 1',
    // Running as ourselves when not root (dovecot's "running as non-root" setup).
    ...(asRoot ? [] : [`default_login_user = ${owner.user}`, `default_internal_user = ${owner.user}`]),
    'passdb {',
    '  driver = passwd-file',
    `  args = scheme=PLAIN username_format=%u ${join(dir, 'passwd')}`,
    '}',
    'userdb {',
    '  driver = static',
    `  args = uid=${owner.uid} gid=${owner.gid} home=${join(dir, 'mail', '%u')}`,
    '}',
    'service imap-login {',
    '  inet_listener imap {',
    '    address = 127.0.0.1',
    `    port = ${port}`,
    '  }',
    '  inet_listener imaps {',
    '    port = 0',
    '  }',
    '}',
    'service anvil {',
    '  chroot =',
    '}',
    'service imap-login {',
    '  chroot =',
    '}',
    'service auth {',
    `  user = ${asRoot ? 'root' : owner.user}`,
    '}',
  ].join('\n');
  const confPath = join(dir, 'dovecot.conf');
  writeFileSync(confPath, `${config}\n`);
  if (asRoot) {
    // Mail processes run as `nobody`: they must be able to walk into the (0700) temp folder.
    chmodSync(dir, 0o755);
    chownTree(join(dir, 'mail'), owner.uid, owner.gid);
  }

  let output = '';
  let exited: string | null = null;
  const child: ChildProcess = spawn(DOVECOT, ['-F', '-c', confPath], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.on('error', (error) => (exited = `could not start ${DOVECOT}: ${error.message}`));
  child.on('exit', (code, signal) => (exited ??= `exited with ${code ?? signal}`));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const done = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    temp.cleanup();
  };

  const deadline = Date.now() + 15_000;
  while (!(await canConnect(port))) {
    if (exited || Date.now() > deadline) {
      await stop();
      throw new Error(
        `The test IMAP server (dovecot) did not start: ${exited ?? 'not listening after 15 s'}.\n` +
          'Install it with `apt-get install -y dovecot-imapd` (.ci/run does).\n' +
          output,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  const withClient = async <T>(work: (client: ImapFlow) => Promise<T>): Promise<T> => {
    const client = new ImapFlow({ host: '127.0.0.1', port, secure: false, auth: { user, pass: password }, logger: false });
    client.on('error', () => undefined);
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.logout().catch(() => client.close());
    }
  };

  return {
    host: '127.0.0.1',
    port,
    user,
    password,
    deliver: (raw, folder = 'INBOX') => withClient(async (client) => void (await client.append(folder, raw))),
    createFolder: (folder) => withClient(async (client) => void (await client.mailboxCreate(folder))),
    logs: () => output,
    stop,
  };
}
