import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideUpdate, installationBucket } from '../../electron/core/licence/update-decision';
import { ensureCertificate } from '../../electron/server/tls';
import { configPath, ConfigError, normaliseServerUrl, readConfig, writeConfig } from '../../electron/workstation/config';
import { CertificateChangedError, CHROMIUM_VERDICT, pinnedRequest, verdictForCertificate } from '../../electron/workstation/pinning';
import { contentSecurityPolicy } from '../../electron/workstation/page-policy';
import { probeServer } from '../../electron/workstation/probe';
import {
  decideWorkstationUpdate,
  fetchUpdatePolicy,
  readInstallationId,
  updateFeedUrl,
  updaterFeedOptions,
} from '../../electron/workstation/update-check';
import { APP_VERSION } from '../../shared/version';
import { startTestServer, type TestServer } from '../helpers/server';
import { makeTempDir } from '../helpers/temp';

let office: TestServer;
let officeFingerprint: string;

beforeAll(async () => {
  office = await startTestServer();
  // What `npm run serve` prints and the Server status page shows: the certificate in the data folder.
  officeFingerprint = (await ensureCertificate(office.dataDir)).fingerprint;
});
afterAll(() => office.close());

describe('the desktop settings file', () => {
  it('is absent on first start, and keeps what was saved', () => {
    const tmp = makeTempDir();
    try {
      const file = configPath(tmp.dir);
      expect(readConfig(file)).toBeNull();
      writeConfig(file, { version: 1, connection: { mode: 'local' } });
      expect(readConfig(file)).toEqual({ version: 1, connection: { mode: 'local' } });
      const workstation = {
        version: 1 as const,
        connection: { mode: 'server' as const, serverUrl: 'https://office-server:8443', fingerprint: officeFingerprint, trustedAt: '2026-11-27T09:00:00.000Z' },
      };
      writeConfig(file, workstation);
      expect(readConfig(file)).toEqual(workstation);
    } finally {
      tmp.cleanup();
    }
  });

  it('refuses a file that is not JSON, naming the file and how to recover', () => {
    const tmp = makeTempDir();
    try {
      const file = configPath(tmp.dir);
      writeFileSync(file, '{"version": 1, "connection": ');
      expect(() => readConfig(file)).toThrow(ConfigError);
      expect(() => readConfig(file)).toThrow(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} cannot be used: it is not valid JSON.*delete it to choose again`));
    } finally {
      tmp.cleanup();
    }
  });

  it('refuses a plain-http server address and a malformed fingerprint, naming each field', () => {
    const tmp = makeTempDir();
    try {
      const file = configPath(tmp.dir);
      writeFileSync(
        file,
        JSON.stringify({ version: 1, connection: { mode: 'server', serverUrl: 'http://office-server:8443', fingerprint: 'abc', trustedAt: '2026-11-27T09:00:00Z' } }),
      );
      let error: ConfigError | null = null;
      try {
        readConfig(file);
      } catch (caught) {
        error = caught as ConfigError;
      }
      expect(error).toBeInstanceOf(ConfigError);
      expect(error!.details.map((d) => d.path).sort()).toEqual(['connection.fingerprint', 'connection.serverUrl']);
      expect(error!.message).toMatch(/connection\.serverUrl must be an https:\/\/ address/);
      writeFileSync(file, JSON.stringify({ version: 1, connection: { mode: 'cloud' } }));
      expect(() => readConfig(file)).toThrow(/connection\.mode/);
    } finally {
      tmp.cleanup();
    }
  });

  it('stores server addresses in one form, and only https', () => {
    expect(normaliseServerUrl('office-server:8443')).toBe('https://office-server:8443');
    expect(normaliseServerUrl(' https://Office-Server:8443/ ')).toBe('https://office-server:8443');
    expect(normaliseServerUrl('https://192.168.1.20:443')).toBe('https://192.168.1.20');
    expect(normaliseServerUrl('http://office-server:8443')).toBeNull();
    expect(normaliseServerUrl('https://office-server:8443/api')).toBeNull();
    expect(normaliseServerUrl('https://user:pw@office-server')).toBeNull();
    expect(normaliseServerUrl('')).toBeNull();
  });
});

describe("pinning the office server's certificate", () => {
  it('first connect shows the fingerprint the server prints, with its version, and trusts nothing yet', async () => {
    const probe = await probeServer(`localhost:${office.port}`, null);
    expect(probe).toEqual({
      ok: true,
      serverUrl: office.url,
      fingerprint: officeFingerprint,
      pin: 'first-use',
      version: APP_VERSION,
      schemaVersion: office.backend.schemaVersion,
    });
  });

  it('once recorded, the same certificate passes', async () => {
    const tmp = makeTempDir();
    try {
      const first = await probeServer(office.url, null);
      if (!first.ok) throw new Error(first.message);
      const file = configPath(tmp.dir);
      writeConfig(file, { version: 1, connection: { mode: 'server', serverUrl: first.serverUrl, fingerprint: first.fingerprint, trustedAt: new Date().toISOString() } });
      const saved = readConfig(file)!.connection;
      if (saved.mode !== 'server') throw new Error('not saved as a workstation');
      const again = await probeServer(saved.serverUrl, saved.fingerprint);
      expect(again).toMatchObject({ ok: true, pin: 'trusted', fingerprint: officeFingerprint });
      // Fingerprints are compared whatever their letter case (people copy them from many places).
      expect(await probeServer(saved.serverUrl, saved.fingerprint.toLowerCase())).toMatchObject({ ok: true, pin: 'trusted' });
    } finally {
      tmp.cleanup();
    }
  });

  it('a server showing another certificate is refused with both fingerprints, and no request reaches it', async () => {
    const impostor = await startTestServer(); // its own data folder, so its own self-signed certificate
    try {
      const impostorFingerprint = (await ensureCertificate(impostor.dataDir)).fingerprint;
      expect(impostorFingerprint).not.toBe(officeFingerprint);
      const probe = await probeServer(impostor.url, officeFingerprint);
      expect(probe).toMatchObject({ ok: false, reason: 'certificate-changed', expected: officeFingerprint, presented: impostorFingerprint });
      if (probe.ok) return;
      expect(probe.message).toContain(`Trusted: ${officeFingerprint}. Shown now: ${impostorFingerprint}.`);
      expect(probe.message).toMatch(/nothing was sent to it/);

      // A write over the pinned connection is refused before it is sent: the impostor creates no contact.
      await expect(
        pinnedRequest(impostor.url, officeFingerprint, { method: 'POST', path: '/api/v1/contacts.create', body: { lastName: 'Leaked' }, headers: { authorization: `Bearer ${impostor.admin.token}` } }),
      ).rejects.toBeInstanceOf(CertificateChangedError);
      const list = await impostor.api('contacts.list', { q: 'Leaked' });
      expect(list.body.items).toEqual([]);
    } finally {
      impostor.close();
    }
  });

  it("the app window's engine and the updater's downloads get the same verdict: pinned passes, changed is refused", async () => {
    const impostor = await startTestServer();
    try {
      const officePem = readFileSync(join(office.dataDir, 'tls', 'server.crt'), 'utf8');
      const impostorPem = readFileSync(join(impostor.dataDir, 'tls', 'server.crt'), 'utf8');
      expect(verdictForCertificate(office.url, officeFingerprint, 'localhost', officePem)).toBe(CHROMIUM_VERDICT.trust);
      expect(verdictForCertificate(office.url, officeFingerprint, 'LOCALHOST', impostorPem)).toBe(CHROMIUM_VERDICT.refuse);
      expect(verdictForCertificate(office.url, officeFingerprint, 'localhost', 'not a certificate')).toBe(CHROMIUM_VERDICT.refuse);
      // Another host is left to the engine's usual checks (and the page's CSP lets it reach none).
      expect(verdictForCertificate(office.url, officeFingerprint, 'example.com', impostorPem)).toBe(CHROMIUM_VERDICT.usual);
    } finally {
      impostor.close();
    }
  });

  it("lets a workstation's page connect to its office server and nowhere else", () => {
    const csp = contentSecurityPolicy({ kind: 'file' }, 'https://office-server:8443');
    expect(csp).toContain("connect-src 'self' https://office-server:8443 wss://office-server:8443;");
    expect(contentSecurityPolicy({ kind: 'file' }, null)).toContain("connect-src 'self';");
    expect(csp).toContain("script-src 'self';");
  });

  it('says clearly when the address is wrong or nothing answers there', async () => {
    expect(await probeServer('http://office-server:8443', null)).toMatchObject({ ok: false, reason: 'invalid-url' });
    const closedPort = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    const unreachable = await probeServer(`https://127.0.0.1:${closedPort}`, null);
    expect(unreachable).toMatchObject({ ok: false, reason: 'unreachable' });
    if (!unreachable.ok) expect(unreachable.message).toMatch(/Could not reach https:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)/);
  });
});

describe('the workstation updater', () => {
  const releaseYml = (version: string, releaseDate: string) =>
    `version: ${version}\nfiles:\n  - url: Lantern-CRM-Setup-${version}.exe\n    sha512: abc\n    size: 1\npath: Lantern-CRM-Setup-${version}.exe\nsha512: abc\nreleaseDate: '${releaseDate}'\n`;

  it("is configured with the office server's /updates/ feed, which serves what the admin placed there", async () => {
    expect(updaterFeedOptions(office.url)).toEqual({ provider: 'generic', url: `${office.url}/updates/` });
    expect(updateFeedUrl(`${office.url}/`)).toBe(`${office.url}/updates/`);

    const folder = join(office.dataDir, 'updates');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'latest.yml'), releaseYml('9.0.0', '2026-11-01T00:00:00.000Z'));
    const feed = new URL('latest.yml', updateFeedUrl(office.url));
    const served = await pinnedRequest(office.url, officeFingerprint, { path: feed.pathname });
    expect(served.status).toBe(200);
    expect(served.text).toBe(readFileSync(join(folder, 'latest.yml'), 'utf8'));
  });

  it("takes the office server's decision: pause, staged percentage, maintenance date", async () => {
    const tmp = makeTempDir();
    try {
      const installationId = readInstallationId(tmp.dir);
      expect(readInstallationId(tmp.dir)).toBe(installationId); // stable: the same place in every staged rollout
      const bucket = installationBucket(installationId);
      const release = { version: '9.0.0', releaseDate: '2026-11-01T00:00:00.000Z' };

      const expectSameAsServerRule = async (expected: string) => {
        const policy = await fetchUpdatePolicy(office.url, officeFingerprint);
        const decision = decideWorkstationUpdate(release, policy, APP_VERSION, installationId);
        expect(decision.reason).toBe(expected);
        expect(decision).toEqual(
          decideUpdate(release, { currentVersion: APP_VERSION, maintenanceUntil: policy.maintenanceUntil, paused: policy.paused, stagePercent: policy.stagePercent, bucket }),
        );
      };

      expect((await office.api('updates.configure', { paused: false, stagePercent: 100 })).status).toBe(200);
      await expectSameAsServerRule('offer');
      await office.api('updates.configure', { paused: true });
      await expectSameAsServerRule('paused');
      await office.api('updates.configure', { paused: false, stagePercent: bucket }); // this computer's bucket is just outside
      await expectSameAsServerRule('staged-out');
      await office.api('updates.configure', { stagePercent: bucket + 1 });
      await expectSameAsServerRule('offer');
      // The test licence's maintenance ends 2099-12-31: a release dated after it is not covered.
      const late = { version: '9.0.0', releaseDate: '2100-01-02T00:00:00.000Z' };
      const policy = await fetchUpdatePolicy(office.url, officeFingerprint);
      expect(decideWorkstationUpdate(late, policy, APP_VERSION, installationId)).toMatchObject({ offer: false, reason: 'not-covered' });
      expect(decideWorkstationUpdate({ ...release, version: APP_VERSION }, policy, APP_VERSION, installationId)).toMatchObject({ reason: 'not-newer' });
    } finally {
      await office.api('updates.configure', { paused: false, stagePercent: 100 });
      tmp.cleanup();
    }
  });

  it('fetches the update policy only from the pinned server', async () => {
    const impostor = await startTestServer();
    try {
      await expect(fetchUpdatePolicy(impostor.url, officeFingerprint)).rejects.toBeInstanceOf(CertificateChangedError);
    } finally {
      impostor.close();
    }
  });
});

describe('a workstation of another version', () => {
  it('is told to update instead of writing, while reading still works', async () => {
    const older = { 'x-lantern-version': '0.0.1' };
    const token = office.admin.token!;
    const write = await pinnedRequest(office.url, officeFingerprint, {
      method: 'POST',
      path: '/api/v1/contacts.create',
      body: { lastName: 'Outdated' },
      headers: { ...older, authorization: `Bearer ${token}` },
    });
    expect(write.status).toBe(409);
    const error = JSON.parse(write.text).error;
    expect(error).toMatchObject({ code: 'CONFLICT', details: { reason: 'version-mismatch', update: 'client', serverVersion: APP_VERSION } });
    expect(error.message).toMatch(/Update this app before making changes/);
    const read = await pinnedRequest(office.url, officeFingerprint, {
      method: 'POST',
      path: '/api/v1/contacts.list',
      body: {},
      headers: { ...older, authorization: `Bearer ${token}` },
    });
    expect(read.status).toBe(200);
  });
});
