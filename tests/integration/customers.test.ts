import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestBackend, type TestBackend } from '../helpers/backend';
import { expectAppError } from '../helpers/expect-error';

describe('accounts and contacts', () => {
  let t: TestBackend;
  beforeEach(async () => {
    t = await startTestBackend();
  });
  afterEach(() => t.close());

  const call = (method: string, input: unknown, ctx = t.admin) => t.backend.call(ctx, method, input) as Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

  it('creates an account, a child account and contacts, and pages contacts by last name with no gaps or repeats', async () => {
    const parent = await call('accounts.create', { name: 'Acme Holdings', type: 'customer', annualRevenue: 1054.5 });
    expect(parent).toMatchObject({ version: 1, annualRevenue: 1054.5, ownerId: expect.any(String), createdAt: expect.any(String) });
    const child = await call('accounts.create', { name: 'Acme Shanghai', parentId: parent.id });
    expect(child.parentId).toBe(parent.id);
    const names = ['Zhou', 'Adams', 'Miller', 'Brown', 'Lopez', 'Chen', 'Evans'];
    for (const lastName of names) await call('contacts.create', { firstName: 'Pat', lastName, accountId: parent.id });
    await call('contacts.create', { lastName: 'Elsewhere' });

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { lastName: string }[]; nextCursor: string | null } = await call('contacts.list', {
        filter: { accountId: parent.id },
        sort: { field: 'lastName', dir: 'asc' },
        limit: 2,
        cursor,
      });
      seen.push(...page.items.map((c) => c.lastName));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...names].sort());

    const children = await call('accounts.list', { filter: { parentId: parent.id } });
    expect(children.items.map((a: { name: string }) => a.name)).toEqual(['Acme Shanghai']);
  });

  it('pages contacts sorted by city, with repeated and missing cities, in both directions without gaps or repeats', async () => {
    const cities = ['Shanghai', 'Austin', null, 'Berlin', 'Austin', null, 'Zürich', 'Berlin', 'Austin', 'Lyon', null];
    const created: { id: string; city: string | null }[] = [];
    for (const [i, city] of cities.entries()) created.push(await call('contacts.create', { lastName: `C${i}`, city }));
    for (const dir of ['asc', 'desc'] as const) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: { id: string }[]; nextCursor: string | null } = await call('contacts.list', { sort: { field: 'city', dir }, limit: 3, cursor });
        seen.push(...page.items.map((c) => c.id));
        cursor = page.nextCursor;
      } while (cursor);
      const key = (c: { id: string; city: string | null }) => [c.city ?? '', c.id] as const;
      const expected = [...created].sort((a, b) => {
        const [ka, kb] = [key(a), key(b)];
        const order = ka[0] < kb[0] ? -1 : ka[0] > kb[0] ? 1 : ka[1] < kb[1] ? -1 : ka[1] > kb[1] ? 1 : 0;
        return dir === 'asc' ? order : -order;
      });
      expect(seen).toEqual(expected.map((c) => c.id));
    }
  });

  it("pages one owner's contacts by city in order, when the owner has too many rows to sort in memory", async () => {
    const rep = await t.userWithRole('sales', 'bigrep');
    // 6,000 rows: past the point where the list walks the city index instead of sorting the owner's rows.
    const lines = ['last,city,owner'];
    for (let i = 0; i < 6000; i++) lines.push(`P${i},${['Austin', 'Berlin', '', 'Lyon', 'Zürich', 'Osaka'][(i * 7) % 6]},bigrep`);
    const { jobId } = await call('import.start', { type: 'contacts', csv: lines.join('\n'), mapping: { last: 'lastName', city: 'city', owner: 'ownerName' } });
    for (let i = 0; i < 2000 && (await call('import.status', { jobId })).state === 'running'; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    await call('contacts.create', { lastName: 'Someone else', city: 'Austin' });
    for (const filter of [{ ownerId: rep.id }, { mine: true }]) {
      const seen: { id: string; city: string | null }[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: { id: string; city: string | null; ownerId: string }[]; nextCursor: string | null } = await call(
          'contacts.list',
          { filter, sort: { field: 'city', dir: 'desc' }, limit: 500, cursor },
          'mine' in filter ? rep.ctx : t.admin,
        );
        expect(page.items.every((c) => c.ownerId === rep.id)).toBe(true);
        seen.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toHaveLength(6000);
      const keys = seen.map((c) => [c.city ?? '', c.id]);
      expect(keys).toEqual([...keys].sort((a, b) => (a[0]! < b[0]! ? 1 : a[0]! > b[0]! ? -1 : a[1]! < b[1]! ? 1 : -1)));
    }
  });

  it('refuses a stale version with CONFLICT and changes nothing; history shows who changed what', async () => {
    const contact = await call('contacts.create', { firstName: 'Ann', lastName: 'Lee', title: 'Buyer' });
    const updated = await call('contacts.update', { id: contact.id, version: 1, patch: { title: 'Head of Purchasing' } });
    expect(updated.version).toBe(2);
    const conflict = await expectAppError(call('contacts.update', { id: contact.id, version: 1, patch: { title: 'Intern' } }), 'CONFLICT');
    expect((conflict.details as { currentVersion: number }).currentVersion).toBe(2);
    expect((await call('contacts.get', { id: contact.id })).title).toBe('Head of Purchasing');

    const history = await call('contacts.history', { id: contact.id });
    expect(history.items[0]).toMatchObject({
      op: 'update',
      userName: 'Administrator',
      fields: [{ field: 'title', oldValue: 'Buyer', newValue: 'Head of Purchasing' }],
    });
    expect(history.items.at(-1).op).toBe('create');
  });

  it('deletes to the recycle bin and restores with the same id and data', async () => {
    const contact = await call('contacts.create', { firstName: 'Ben', lastName: 'Ito', email: 'ben@example.com' });
    await call('contacts.delete', { id: contact.id });
    expect((await call('contacts.list', {})).items).toHaveLength(0);
    await expectAppError(call('contacts.get', { id: contact.id }), 'NOT_FOUND');
    const bin = await call('recycleBin.list', {});
    expect(bin.items).toEqual([expect.objectContaining({ type: 'contacts', id: contact.id, title: 'Ben Ito', deletedByName: 'Administrator' })]);
    const restored = await call('contacts.restore', { id: contact.id });
    expect(restored).toMatchObject({ id: contact.id, email: 'ben@example.com', firstName: 'Ben', deletedAt: null });
    expect((await call('recycleBin.list', {})).items).toHaveLength(0);
  });

  it("asks what to do with an account's contacts, and restore brings back what the delete did", async () => {
    const account = await call('accounts.create', { name: 'Globex' });
    const a = await call('contacts.create', { lastName: 'One', accountId: account.id });
    const b = await call('contacts.create', { lastName: 'Two', accountId: account.id });
    const asked = await expectAppError(call('accounts.delete', { id: account.id }), 'CONFLICT');
    expect(asked.details).toMatchObject({ contacts: 2, options: ['unlink', 'delete'] });

    await call('accounts.delete', { id: account.id, contacts: 'delete' });
    expect((await call('contacts.list', {})).items).toHaveLength(0);
    expect((await call('recycleBin.list', {})).items).toEqual([expect.objectContaining({ id: account.id, dependants: 2 })]);
    await call('accounts.restore', { id: account.id });
    expect((await call('contacts.list', { filter: { accountId: account.id } })).items.map((c: { id: string }) => c.id).sort()).toEqual([a.id, b.id].sort());

    await call('accounts.delete', { id: account.id, contacts: 'unlink' });
    expect((await call('contacts.get', { id: a.id })).accountId).toBeNull();
    await call('accounts.restore', { id: account.id });
    expect((await call('contacts.get', { id: a.id })).accountId).toBe(account.id);
  });

  it('purges for good (administrators only)', async () => {
    const { ctx: sales } = await t.userWithRole('sales');
    const contact = await call('contacts.create', { lastName: 'Gone' }, sales);
    await call('contacts.delete', { id: contact.id }, sales);
    const [entry] = (await call('recycleBin.list', {})).items;
    await expectAppError(call('recycleBin.purge', { entryIds: [entry.entryId] }, sales), 'FORBIDDEN');
    expect(await call('recycleBin.purge', { entryIds: [entry.entryId] })).toEqual({ purged: 1 });
    await expectAppError(call('contacts.restore', { id: contact.id }), 'NOT_FOUND');
  });

  it('refuses an account hierarchy cycle', async () => {
    const top = await call('accounts.create', { name: 'Top' });
    const mid = await call('accounts.create', { name: 'Mid', parentId: top.id });
    const error = await expectAppError(call('accounts.update', { id: top.id, version: 1, patch: { parentId: mid.id } }), 'VALIDATION');
    expect(error.details).toEqual([{ path: 'patch.parentId', message: 'Would make a cycle' }]);
  });

  it('validates email, normalises phones to E.164 with the office country, and links to live records only', async () => {
    const bad = await expectAppError(call('contacts.create', { lastName: 'X', email: 'not-an-email' }), 'VALIDATION');
    expect(bad.details).toEqual([{ path: 'email', message: 'Not an email address' }]);
    const us = await call('contacts.create', { lastName: 'Nyc', phone: '(212) 555-0123', mobile: '+86 138 0013 8000' });
    expect(us.phone).toBe('+12125550123');
    expect(us.mobile).toBe('+8613800138000');
    await call('settings.update', { defaultCountry: 'CN' });
    const cn = await call('contacts.create', { lastName: '王', phone: '13800138000' });
    expect(cn.phone).toBe('+8613800138000');
    const badPhone = await expectAppError(call('contacts.update', { id: cn.id, version: 1, patch: { phone: '12' } }), 'VALIDATION');
    expect(badPhone.details).toEqual([{ path: 'patch.phone', message: expect.stringMatching(/Not a phone number/) }]);
    const web = await call('accounts.create', { name: 'Web Co', website: 'example.com' });
    expect(web.website).toBe('https://example.com');
    await expectAppError(call('contacts.create', { lastName: 'Y', accountId: 'no-such-account' }), 'VALIDATION');
  });

  it('stores text exactly as typed: Chinese, emoji, quotes and markup', async () => {
    const tricky = `<img src=x onerror=alert(1)> "quoted" 'single' 王伟 🚀 & ; DROP TABLE contacts; --`;
    const contact = await call('contacts.create', { firstName: '伟', lastName: tricky });
    expect((await call('contacts.get', { id: contact.id })).lastName).toBe(tricky);
    expect((await call('contacts.list', {})).items[0].lastName).toBe(tricky);
  });

  it('filters with operators on whitelisted fields only, and sorts only by known columns', async () => {
    await call('accounts.create', { name: 'Alpha', industry: 'Retail', employees: 10 });
    await call('accounts.create', { name: 'Beta', industry: 'Software', employees: 500 });
    await call('accounts.create', { name: 'Gamma', industry: 'Software', employees: 50 });
    const names = async (input: unknown) => (await call('accounts.list', input)).items.map((a: { name: string }) => a.name);
    expect(await names({ filter: { industry: 'Software' } })).toEqual(['Beta', 'Gamma']);
    expect(await names({ filter: { employees: { gte: 50 } }, sort: { field: 'employees', dir: 'desc' } })).toEqual(['Beta', 'Gamma']);
    expect(await names({ filter: { industry: { in: ['Retail'] } } })).toEqual(['Alpha']);
    expect(await names({ filter: { name: { contains: 'amm' } } })).toEqual(['Gamma']);
    expect(await names({ filter: { ownerId: 'me' }, q: 'be' })).toEqual(['Beta']);
    expect(await names({ filter: { mine: true }, sort: { field: 'updatedAt', dir: 'desc' } })).toEqual(['Gamma', 'Beta', 'Alpha']);
    const badField = await expectAppError(call('accounts.list', { filter: { 'name; DROP TABLE accounts': 'x' } }), 'VALIDATION');
    expect((badField.details as { path: string }[])[0]!.path).toBe('filter.name; DROP TABLE accounts');
    await expectAppError(call('accounts.list', { sort: { field: 'password_hash', dir: 'asc' } }), 'VALIDATION');
    await expectAppError(call('accounts.list', { filter: { employees: { gte: 'many' } } }), 'VALIDATION');
  });

  it('saves list views per user', async () => {
    const { ctx: other } = await t.userWithRole('sales');
    const view = await call('views.save', { type: 'contacts', name: 'My London', config: { filter: { city: 'London' }, columns: ['lastName', 'email'] } });
    expect((await call('views.list', { type: 'contacts' })).items).toEqual([view]);
    expect((await call('views.list', { type: 'contacts' }, other)).items).toEqual([]);
    await expectAppError(call('views.delete', { id: view.id }, other), 'NOT_FOUND');
    await call('views.delete', { id: view.id });
    expect((await call('views.list', { type: 'contacts' })).items).toEqual([]);
  });
});

describe('ownership and permissions', () => {
  let t: TestBackend;
  beforeEach(async () => {
    t = await startTestBackend();
  });
  afterEach(() => t.close());
  const call = (ctx: unknown, method: string, input: unknown) => t.backend.call(ctx as never, method, input) as Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

  it('sales edit what they own, their manager edits the team’s, read-only creates nothing, everyone reads', async () => {
    const { ctx: manager, id: managerId } = await t.userWithRole('manager', 'mgr');
    const { ctx: alice, id: aliceId } = await t.userWithRole('sales', 'alice', managerId);
    const { ctx: bob } = await t.userWithRole('sales', 'bob');
    const { ctx: reader } = await t.userWithRole('readonly', 'reader');

    const contact = await call(alice, 'contacts.create', { lastName: 'Customer' });
    expect(contact.ownerId).toBe(aliceId);
    await expectAppError(call(bob, 'contacts.update', { id: contact.id, version: 1, patch: { title: 'x' } }), 'FORBIDDEN');
    await expectAppError(call(bob, 'contacts.delete', { id: contact.id }), 'FORBIDDEN');
    expect((await call(bob, 'contacts.get', { id: contact.id })).lastName).toBe('Customer');
    const byManager = await call(manager, 'contacts.update', { id: contact.id, version: 1, patch: { title: 'Checked' } });
    expect(byManager.title).toBe('Checked');
    await expectAppError(call(reader, 'contacts.create', { lastName: 'Nope' }), 'FORBIDDEN');
    expect((await call(reader, 'contacts.list', {})).items).toHaveLength(1);
    await call(bob, 'contacts.create', { lastName: 'Outsider', email: 'out@example.com' });
    const team = await call(manager, 'contacts.list', { filter: { team: true } });
    expect(team.items.map((c: { lastName: string }) => c.lastName)).toEqual(['Customer']);
  });

  it("pages a manager's team list in order without gaps or repeats, in both directions", async () => {
    const { ctx: manager, id: managerId } = await t.userWithRole('manager', 'lead');
    const { ctx: rep1 } = await t.userWithRole('sales', 'rep1', managerId);
    const { ctx: rep2 } = await t.userWithRole('sales', 'rep2', managerId);
    const { ctx: outsider } = await t.userWithRole('sales', 'solo');
    const owners = [manager, rep1, rep2, outsider];
    const expected: string[] = [];
    for (let i = 0; i < 24; i++) {
      const lastName = `Name${String((i * 7) % 24).padStart(2, '0')}`;
      await call(owners[i % 4], 'contacts.create', { lastName });
      if (i % 4 !== 3) expected.push(lastName);
    }
    for (const dir of ['asc', 'desc'] as const) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: { lastName: string }[]; nextCursor: string | null } = await call(manager, 'contacts.list', {
          filter: { team: true },
          sort: { field: 'name', dir },
          limit: 5,
          cursor,
        });
        seen.push(...page.items.map((c) => c.lastName));
        cursor = page.nextCursor;
      } while (cursor);
      const sorted = [...expected].sort();
      expect(seen).toEqual(dir === 'asc' ? sorted : sorted.reverse());
    }
  });

  it('the quick filter matches a name prefix, or an email prefix when the text has an @', async () => {
    await call(t.admin, 'contacts.create', { firstName: 'José', lastName: 'Ávila', email: 'jose@example.com' });
    await call(t.admin, 'contacts.create', { lastName: 'Jones', email: 'sales@jose-trading.example' });
    const names = async (q: string) => (await call(t.admin, 'contacts.list', { q })).items.map((c: { lastName: string }) => c.lastName);
    expect(await names('avi')).toEqual(['Ávila']);
    expect(await names('jo')).toEqual(['Jones']);
    expect(await names('JOSE@')).toEqual(['Ávila']);
  });

  it('reassigning an owner follows the same rule and is recorded in history', async () => {
    const { ctx: manager, id: managerId } = await t.userWithRole('manager', 'mgr2');
    const { ctx: alice, id: aliceId } = await t.userWithRole('sales', 'alice2', managerId);
    const { id: carolId } = await t.userWithRole('sales', 'carol2', managerId);
    const { id: outsiderId } = await t.userWithRole('sales', 'dave2');
    const account = await call(alice, 'accounts.create', { name: 'Initech' });
    await expectAppError(call(alice, 'accounts.update', { id: account.id, version: 1, patch: { ownerId: carolId } }), 'FORBIDDEN');
    await expectAppError(call(manager, 'accounts.update', { id: account.id, version: 1, patch: { ownerId: outsiderId } }), 'FORBIDDEN');
    const moved = await call(manager, 'accounts.update', { id: account.id, version: 1, patch: { ownerId: carolId } });
    expect(moved.ownerId).toBe(carolId);
    const history = await call(manager, 'accounts.history', { id: account.id });
    expect(history.items[0].fields).toEqual([{ field: 'ownerId', oldValue: aliceId, newValue: carolId }]);

    const bulk = await call(t.admin, 'records.bulkSetOwner', { type: 'accounts', ids: [account.id, 'missing'], ownerId: aliceId });
    expect(bulk.done).toBe(1);
    expect(bulk.failed).toEqual([expect.objectContaining({ id: 'missing', code: 'NOT_FOUND' })]);
  });
});
