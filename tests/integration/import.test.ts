import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestBackend, type TestBackend } from '../helpers/backend';
import { expectAppError } from '../helpers/expect-error';

const FIXTURES = join(__dirname, '..', 'fixtures');

describe('CSV import', () => {
  let t: TestBackend;
  beforeEach(async () => {
    t = await startTestBackend();
  });
  afterEach(() => t.close());

  const call = (method: string, input: unknown, ctx = t.admin) => t.backend.call(ctx, method, input) as Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const finished = async (jobId: string, ctx = t.admin) => {
    for (let i = 0; i < 2000; i++) {
      const status = await call('import.status', { jobId }, ctx);
      if (status.state !== 'running' && status.state !== 'undoing') return status;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    throw new Error('import did not finish');
  };
  const count = async (type: string) => {
    let total = 0;
    let cursor: string | null = null;
    do {
      const page: { items: unknown[]; nextCursor: string | null } = await call(`${type}.list`, { limit: 500, cursor });
      total += page.items.length;
      cursor = page.nextCursor;
    } while (cursor);
    return total;
  };

  /** 1,000 contacts at two accounts; rows 101, 502 and 903 are bad in three different ways. */
  function thousandContacts(): string {
    const lines = ['First Name,Last Name,Email,Phone,Company,Owner'];
    for (let i = 1; i <= 1000; i++) {
      const company = i % 2 ? 'Acme Inc' : 'Globex';
      let phone = `+1 212 555 ${String(i).padStart(4, '0')}`;
      let last = `Person${i}`;
      let email = `person${i}@example.com`;
      if (i === 100) email = 'not-an-email';
      if (i === 501) phone = 'call me';
      if (i === 902) last = '';
      lines.push([`First${i}`, last, email, phone, company, 'admin'].join(','));
    }
    return lines.join('\n');
  }
  const contactMapping = { 'First Name': 'firstName', 'Last Name': 'lastName', Email: 'email', Phone: 'phone', Company: 'accountName', Owner: 'ownerName' };

  it('imports 997 of 1,000 rows, reports the 3 bad ones with reasons, re-imports with "update" creating nothing, and undo removes them', async () => {
    const acme = await call('accounts.create', { name: 'Acme Inc' });
    await call('accounts.create', { name: 'Globex' });
    const csv = thousandContacts();
    const { jobId } = await call('import.start', { type: 'contacts', csv, fileName: 'people.csv', mapping: contactMapping, match: { field: 'email', mode: 'update' } });
    const status = await finished(jobId);
    expect(status).toMatchObject({ state: 'done', total: 1000, processed: 1000, created: 997, updated: 0, failed: 3 });
    expect(status.errors).toEqual([
      { line: 101, reason: expect.stringContaining('email') },
      { line: 502, reason: expect.stringContaining('phone') },
      { line: 903, reason: expect.stringContaining('lastName') },
    ]);
    expect(await count('contacts')).toBe(997);
    const linked = await call('contacts.list', { filter: { accountId: acme.id }, limit: 500 });
    expect(linked.items.length).toBe(499);
    expect(linked.items[0].phone).toMatch(/^\+1212555\d{4}$/);

    const rejected = await call('import.rejected', { jobId });
    expect(rejected.fileName).toBe('people-rejected.csv');
    expect(rejected.rows).toBe(3);
    const lines = rejected.csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('First Name,Last Name,Email,Phone,Company,Owner,reason');
    expect(lines[1]).toMatch(/^First100,Person100,not-an-email,/);

    // The same file again, matched by email: nothing new, the 997 are updated.
    const again = await finished((await call('import.start', { type: 'contacts', csv, mapping: contactMapping, match: { field: 'email', mode: 'update' } })).jobId);
    expect(again).toMatchObject({ state: 'done', created: 0, updated: 997, failed: 3 });
    expect(await count('contacts')).toBe(997);
    // Already as the file says: left as they were, no new version and no "updated" in their history.
    const [unchanged] = (await call('contacts.list', { limit: 1 })).items;
    expect(unchanged.version).toBe(1);
    expect((await call('contacts.history', { id: unchanged.id })).items.map((entry: { op: string }) => entry.op)).toEqual(['create']);

    await call('import.undo', { jobId: again.jobId });
    expect((await finished(again.jobId)).state).toBe('undone');
    expect(await count('contacts')).toBe(997);
    await call('import.undo', { jobId });
    expect((await finished(jobId)).state).toBe('undone');
    expect(await count('contacts')).toBe(0);
    expect(await count('accounts')).toBe(2);
    await expectAppError(call('import.undo', { jobId }), 'CONFLICT');
  });

  it('matches by email against existing contacts and within the same file, keeps search and history in step, and undo takes them out of search', async () => {
    const existing = await call('contacts.create', { firstName: 'Ann', lastName: 'Lee', email: 'ann@example.com', title: 'Buyer' });
    // Ann is in the CRM (matched without case); Zhou appears twice in the file: one contact, updated by the second row.
    const csv = [
      'Name,Email,Mobile,Title',
      'Ann Lee,ANN@example.com,,Head of Purchasing',
      '周杰,zhou@example.cn,+86 138 0013 8000,Engineer',
      'Olga Quirk,olga@example.com,(212) 555-0199,Analyst',
      '周杰,Zhou@Example.cn,,Chief Engineer',
      'Bad Phone,bad@example.com,call me,Nobody',
    ].join('\n');
    const { jobId } = await call('import.start', { type: 'contacts', csv, mapping: { Name: 'fullName', Email: 'email', Mobile: 'mobile', Title: 'title' }, match: { field: 'email', mode: 'update' } });
    const status = await finished(jobId);
    expect(status).toMatchObject({ state: 'done', created: 2, updated: 2, failed: 1, errors: [{ line: 6, reason: expect.stringContaining('mobile') }] });
    expect(await count('contacts')).toBe(3);
    expect(await call('contacts.get', { id: existing.id })).toMatchObject({ title: 'Head of Purchasing', version: 2 });
    const zhou = (await call('contacts.list', { filter: { email: { eq: 'zhou@example.cn' } } })).items;
    expect(zhou).toHaveLength(1);
    // Phones typed any way are stored in E.164 with the office's country; the repeat row updated the first.
    expect(zhou[0]).toMatchObject({ lastName: '周', firstName: '杰', mobile: '+8613800138000', title: 'Chief Engineer' });

    // Found by search the moment the import is done, by the Chinese name and by phone digits.
    const found = async (q: string) => ((await call('search.global', { q, types: ['contacts'] })).groups[0]?.items ?? []).map((r: { id: string }) => r.id);
    expect(await found('周杰')).toEqual([zhou[0].id]);
    expect(await found('555 0199')).toHaveLength(1);
    expect(await found('Chief')).toEqual([zhou[0].id]);
    // History says who created it and what the update changed.
    const history = (await call('contacts.history', { id: zhou[0].id })).items;
    expect(history.map((h: { op: string }) => h.op)).toEqual(['update', 'create']);
    expect(history[0].fields).toContainEqual({ field: 'title', oldValue: 'Engineer', newValue: 'Chief Engineer' });

    await call('import.undo', { jobId });
    expect((await finished(jobId)).state).toBe('undone');
    expect(await count('contacts')).toBe(1);
    expect(await found('周杰')).toEqual([]);
    expect(await found('Olga')).toEqual([]);
    expect(await call('contacts.get', { id: existing.id })).toMatchObject({ title: 'Buyer' });
  });

  it('undo of an "update" import puts back the values it overwrote', async () => {
    const c = await call('contacts.create', { firstName: 'Ann', lastName: 'Lee', email: 'ann@example.com', title: 'Buyer' });
    const { jobId } = await call('import.start', {
      type: 'contacts',
      csv: 'email,title\nANN@example.com,Head of Purchasing\n',
      mapping: { email: 'email', title: 'title' },
      match: { field: 'email', mode: 'update' },
    });
    expect(await finished(jobId)).toMatchObject({ updated: 1, created: 0 });
    expect((await call('contacts.get', { id: c.id })).title).toBe('Head of Purchasing');
    const skip = { email: 'email', title: 'title', last: 'lastName' };
    const skipped = await finished((await call('import.start', { type: 'contacts', csv: 'email,title,last\nann@example.com,Intern,Lee\nnew@example.com,Intern,New\n', mapping: skip, match: { field: 'email', mode: 'skip' } })).jobId);
    expect(skipped).toMatchObject({ created: 1, skipped: 1 });
    expect((await call('contacts.get', { id: c.id })).title).toBe('Head of Purchasing');
    await call('import.undo', { jobId });
    await finished(jobId);
    expect(await call('contacts.get', { id: c.id })).toMatchObject({ title: 'Buyer', firstName: 'Ann', email: 'ann@example.com' });
  });

  it('undo of an "update" import of deals puts back the line items the file replaced', async () => {
    await call('accounts.create', { name: 'Acme Inc' });
    await call('products.create', { name: 'GTX Basic', listPrice: 500 });
    await call('products.create', { name: 'MG Special', listPrice: 55 });
    const mapping = { Deal: 'name', Company: 'accountName', Stage: 'stage', Product: 'productName', Value: 'amount' };
    const first = await finished((await call('import.start', { type: 'opportunities', csv: 'Deal,Company,Stage,Product,Value\nBig order,Acme Inc,Qualification,GTX Basic,520\n', mapping })).jobId);
    expect(first).toMatchObject({ created: 1, failed: 0 });
    const [deal] = (await call('opportunities.list', { limit: 5 })).items;
    const lines = async () => (await call('opportunities.lineItems.list', { opportunityId: deal.id })).items.map((l: { productName: string; unitPrice: number }) => [l.productName, l.unitPrice]);
    expect(await lines()).toEqual([['GTX Basic', 520]]);

    const again = await finished(
      (await call('import.start', { type: 'opportunities', csv: 'Deal,Company,Stage,Product,Value\nBig order,Acme Inc,Qualification,MG Special,60\n', mapping, match: { field: 'name', mode: 'update' } })).jobId,
    );
    expect(again).toMatchObject({ created: 0, updated: 1, failed: 0, errors: [] });
    expect(await lines()).toEqual([['MG Special', 60]]);
    expect((await call('opportunities.get', { id: deal.id })).amount).toBe(60);

    await call('import.undo', { jobId: again.jobId });
    expect((await finished(again.jobId)).state).toBe('undone');
    expect(await lines()).toEqual([['GTX Basic', 520]]);
    expect((await call('opportunities.get', { id: deal.id })).amount).toBe(520);
  });

  it('reads a GBK file from Chinese Excel with correct Chinese text, and suggests the mapping from Chinese headers', async () => {
    const base64 = readFileSync(join(FIXTURES, 'contacts-gbk.csv')).toString('base64');
    const preview = await call('import.preview', { type: 'contacts', file: { base64 } });
    expect(preview.encoding).toBe('gb18030');
    expect(preview.headers).toEqual(['姓名', '公司', '手机', '邮箱', '职位']);
    expect(preview.suggestedMapping).toEqual({ 姓名: 'fullName', 公司: 'accountName', 手机: 'mobile', 邮箱: 'email', 职位: 'title' });
    expect(preview.totalRows).toBe(3);

    await call('accounts.create', { name: '北京星光科技有限公司' });
    await call('accounts.create', { name: '上海东方数据有限公司' });
    const { jobId } = await call('import.start', { type: 'contacts', file: { base64 }, fileName: '联系人.csv', mapping: preview.suggestedMapping });
    expect(await finished(jobId)).toMatchObject({ state: 'done', created: 3, failed: 0, encoding: 'gb18030' });
    const found = await call('search.global', { q: '王伟', types: ['contacts'] });
    expect(found.groups[0].items[0]).toMatchObject({ title: '王伟', subtitle: expect.stringContaining('北京星光科技有限公司') });
    const ouyang = (await call('contacts.list', { q: '欧阳' })).items[0];
    expect(ouyang).toMatchObject({ lastName: '欧阳', firstName: '修', mobile: '+8613911112222', title: '工程师' });
  });

  it('reads UTF-8 with BOM and semicolons, European numbers, and links parents named further down the file', async () => {
    const base64 = readFileSync(join(FIXTURES, 'accounts-utf8-bom.csv')).toString('base64');
    const preview = await call('import.preview', { type: 'accounts', file: { base64 } });
    expect(preview).toMatchObject({ encoding: 'utf-8-bom', delimiter: ';' });
    expect(preview.suggestedMapping).toMatchObject({ 'Company Name': 'name', Industry: 'industry', Website: 'website', 'Annual Revenue': 'annualRevenue' });
    const { jobId } = await call('import.start', { type: 'accounts', file: { base64 }, mapping: preview.suggestedMapping });
    expect(await finished(jobId)).toMatchObject({ created: 3, failed: 0 });
    const acme = (await call('accounts.list', { q: 'acme' })).items[0];
    expect(acme).toMatchObject({ annualRevenue: 1234567.5, employees: 250, website: 'https://acme.com', phone: '+12125550100' });

    const parents = 'name,parent\nChild Co,Parent Co\nParent Co,\nOrphan Co,Nobody Inc\n';
    const job = await finished((await call('import.start', { type: 'accounts', csv: parents, mapping: { name: 'name', parent: 'parentName' } })).jobId);
    expect(job).toMatchObject({ created: 3, failed: 0, message: expect.stringContaining('Nobody Inc') });
    const child = (await call('accounts.list', { q: 'child co' })).items[0];
    const parent = (await call('accounts.list', { q: 'parent co' })).items[0];
    expect(child.parentId).toBe(parent.id);
  });

  it('stops cleanly when the backend closes mid-import; after a restart the import says it was interrupted and can be undone', async () => {
    // More rows than one write batch, so the close comes between batches.
    const big = ['Last Name', ...Array.from({ length: 10_000 }, (_, i) => `Row${i}`)].join('\n');
    const { jobId } = await call('import.start', { type: 'contacts', csv: big, mapping: { 'Last Name': 'lastName' } });
    await new Promise((resolve) => setImmediate(resolve));
    t.backend.close();
    const { createBackend } = await import('../../electron/core/backend');
    const { silentLogger } = await import('../../electron/core/context');
    const again = await createBackend({ dataDir: t.dataDir, logger: silentLogger, clock: t.clock, requireSetupCode: false });
    try {
      const session = await again.dispatch(t.anonymous, 'auth.login', { username: 'admin', password: 'correct horse battery' });
      const ctx = { ...t.anonymous, token: session.token };
      const status = await again.dispatch(ctx, 'import.status', { jobId });
      expect(status.state).toBe('interrupted');
      expect(status.created).toBeLessThan(10_000);
      await again.dispatch(ctx, 'import.undo', { jobId });
      for (let i = 0; i < 500 && (await again.dispatch(ctx, 'import.status', { jobId })).state !== 'undone'; i++) await new Promise((r) => setTimeout(r, 5));
      expect((await again.dispatch(ctx, 'contacts.list', {})).items).toEqual([]);
    } finally {
      again.close();
    }
  });

  it('checks the mapping before starting, saves mapping templates per user, and lets a user cancel', async () => {
    await expectAppError(call('import.start', { type: 'contacts', csv: 'a,b\n1,2\n', mapping: { a: 'firstName' } }), 'VALIDATION');
    const missing = await expectAppError(call('import.start', { type: 'contacts', csv: 'a,b\n1,2\n', mapping: { zz: 'lastName' } }), 'VALIDATION');
    expect(missing.details).toEqual([{ path: 'mapping.zz', message: 'No such column in the file' }]);
    await expectAppError(call('import.start', { type: 'contacts', csv: 'a\n1\n', mapping: { a: 'lastName' }, match: { field: 'email', mode: 'update' } }), 'VALIDATION');
    const readonly = await t.userWithRole('readonly');
    await expectAppError(call('import.start', { type: 'contacts', csv: 'a\n1\n', mapping: { a: 'lastName' } }, readonly.ctx), 'FORBIDDEN');

    const saved = await call('import.templates.save', { type: 'contacts', name: 'From Outlook', mapping: contactMapping, match: { field: 'email', mode: 'skip' } });
    await call('import.templates.save', { type: 'contacts', name: 'From Outlook', mapping: { Email: 'email' } });
    const sales = await t.userWithRole('sales');
    expect((await call('import.templates.list', { type: 'contacts' }, sales.ctx)).items).toEqual([]);
    const mine = await call('import.templates.list', { type: 'contacts' });
    expect(mine.items).toEqual([expect.objectContaining({ id: saved.id, name: 'From Outlook', mapping: { Email: 'email' } })]);
    await call('import.templates.delete', { id: saved.id });

    const big = ['Last Name', ...Array.from({ length: 5000 }, (_, i) => `Row${i}`)].join('\n');
    const { jobId } = await call('import.start', { type: 'contacts', csv: big, mapping: { 'Last Name': 'lastName' } });
    await call('import.cancel', { jobId });
    const status = await finished(jobId);
    expect(status.state).toBe('cancelled');
    expect(status.created).toBeLessThan(5000);
    await expectAppError(call('import.status', { jobId }, sales.ctx), 'NOT_FOUND');
  });
});

