import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';
import { expectAppError } from '../helpers/expect-error';

describe('export', () => {
  let t: TestServer;
  beforeEach(async () => {
    t = await startTestServer();
  });
  afterEach(() => t.close());

  const call = (method: string, input: unknown, ctx = t.admin) => t.backend.call(ctx, method, input) as Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const done = async (jobId: string, ctx = t.admin) => {
    for (let i = 0; i < 1000; i++) {
      const status = await call('export.status', { jobId }, ctx);
      if (status.state !== 'running') return status;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    throw new Error('export did not finish');
  };
  const readAll = async (jobId: string) => {
    const parts: Buffer[] = [];
    let offset: number | null = 0;
    while (offset !== null) {
      const chunk: { base64: string; nextOffset: number | null } = await call('export.chunk', { jobId, offset, length: 1000 });
      parts.push(Buffer.from(chunk.base64, 'base64'));
      offset = chunk.nextOffset;
    }
    return Buffer.concat(parts);
  };

  async function someContacts() {
    const acme = await call('accounts.create', { name: 'Acme, Inc.' });
    await call('contacts.create', { firstName: 'Ann', lastName: 'Lee', email: 'ann@example.com', accountId: acme.id, title: 'Buyer "A"' });
    await call('contacts.create', { firstName: '伟', lastName: '王', phone: '+86 138 1234 5678', notes: 'line one\nline two; with, commas' });
    await call('contacts.create', { firstName: 'Bob', lastName: 'Zed' });
    return acme;
  }

  it('streams a filtered list to CSV over HTTPS with the bearer token, names beside ids, Chinese intact', async () => {
    const acme = await someContacts();
    const started = await call('export.start', { type: 'contacts', format: 'csv', sort: { field: 'lastName', dir: 'desc' } });
    const status = await done(started.jobId);
    expect(status).toMatchObject({ state: 'done', processed: 3, total: 3, contentType: 'text/csv; charset=utf-8', downloadPath: `/api/v1/export/${started.jobId}` });

    const response = await t.http('GET', status.downloadPath, { token: t.admin.token });
    expect(response.status).toBe(200);
    expect(response.headers['content-disposition']).toContain('contacts-');
    const lines = response.text.replace(/^\uFEFF/, '').split('\r\n');
    const header = lines[0]!.split(',');
    expect(header.slice(0, 4)).toEqual(['id', 'firstName', 'lastName', 'title']);
    expect(header).toContain('accountName');
    expect(lines[1]).toContain('王'); // CJK sorts after Latin
    expect(lines[2]).toContain('Zed');
    expect(response.text).toContain('"Buyer ""A"""');
    expect(response.text).toContain('"Acme, Inc."');
    expect(response.text).toContain('"line one\nline two; with, commas"');
    expect(response.text).toContain('王');

    const filtered = await done((await call('export.start', { type: 'contacts', format: 'csv', filter: { accountId: acme.id }, columns: ['lastName', 'email'] })).jobId);
    expect((await readAll(filtered.jobId)).toString('utf8')).toBe('\uFEFFlastName,email\r\nLee,ann@example.com\r\n');

    expect((await t.http('GET', status.downloadPath, { token: null })).status).toBe(401);
    const other = await t.userWithRole('sales');
    expect((await t.http('GET', status.downloadPath, { token: other.ctx.token })).status).toBe(404);
    await expectAppError(call('export.start', { type: 'contacts', format: 'csv', filter: { nope: 1 } }), 'VALIDATION');
    await expectAppError(call('export.start', { type: 'accounts', format: 'vcard' }), 'VALIDATION');
  });

  it('a whole type without a sort comes out in the order it was stored; with a sort in the list\'s order; deleted records stay out; owner names beside ids', async () => {
    await someContacts();
    const gone = await call('contacts.create', { firstName: 'Del', lastName: 'Eted' });
    await call('contacts.delete', { id: gone.id });
    const csvOf = async (input: object) => (await readAll((await done((await call('export.start', { type: 'contacts', format: 'csv', ...input })).jobId)).jobId)).toString('utf8');
    const names = (csv: string) => csv.replace(/^\uFEFF/, '').trim().split('\r\n').slice(1).map((line) => line.split(',')[0]);
    expect(names(await csvOf({ columns: ['lastName', 'ownerName'] }))).toEqual(['Lee', '王', 'Zed']);
    const me = (await call('auth.me', {})).user;
    expect(await csvOf({ columns: ['lastName', 'ownerName'] })).toContain(`Lee,${me.displayName}\r\n`);
    expect(names(await csvOf({ columns: ['lastName'], sort: { field: 'name', dir: 'asc' } }))).toEqual(['Lee', 'Zed', '王']);
    // Account names beside the ids, on contacts and on a child account (its parent).
    expect(await csvOf({ columns: ['lastName', 'accountName'] })).toContain('Lee,"Acme, Inc."\r\n');
    const acme = (await call('accounts.list', { q: 'acme' })).items[0];
    await call('accounts.create', { name: 'Acme Shanghai', parentId: acme.id });
    const accounts = (await readAll((await done((await call('export.start', { type: 'accounts', format: 'csv', columns: ['name', 'parentName'] })).jobId)).jobId)).toString('utf8');
    expect(accounts).toContain('Acme Shanghai,"Acme, Inc."\r\n');
  });

  it('a whole type writes awkward cells (quotes, commas, line breaks, formulas) exactly as an export of a filtered list does', async () => {
    const acme = await call('accounts.create', { name: 'Acme, "Inc."' });
    await call('contacts.create', { firstName: 'Plain', lastName: 'One', email: 'one@example.com', accountId: acme.id, city: 'Berlin' });
    await call('contacts.create', { firstName: 'Ann', lastName: 'Lee', title: 'Buyer "A"', notes: 'line one\nline two; with, commas' });
    await call('contacts.create', { firstName: '=cmd', lastName: '+1 Lee', title: '=HYPERLINK("x")', city: '+Shanghai', address: '-5 Main St', country: '@home' });
    await call('contacts.create', { firstName: '-', lastName: 'Zed', title: 'a,b', notes: 'cr\ronly', address: '王伟, 北京' });
    await call('contacts.create', { firstName: 'Plain', lastName: 'Two', title: "'quoted'", city: '-Berlin', accountId: acme.id });
    await call('contacts.create', { firstName: 'Only', lastName: 'Comma', city: 'Paris, TX' });
    const csvOf = async (input: object) => (await readAll((await done((await call('export.start', { type: 'contacts', format: 'csv', sort: { field: 'createdAt', dir: 'asc' }, ...input })).jobId)).jobId)).toString('utf8');
    const whole = await csvOf({});
    expect(whole).toBe(await csvOf({ filter: { lastName: { ne: 'nobody' } } }));
    const lines = whole.split('\r\n');
    expect(lines).toHaveLength(8); // header, 6 contacts (one with a line break inside quotes), the end
    expect(whole).toContain(',Plain,One,,');
    expect(whole).toContain(',"Acme, ""Inc.""",one@example.com,');
    expect(whole).toContain(',Ann,Lee,"Buyer ""A""",');
    expect(whole).toContain(',"line one\nline two; with, commas",');
    expect(whole).toContain(`,'=cmd,+1 Lee,"'=HYPERLINK(""x"")",`);
    expect(whole).toContain(",-5 Main St,'+Shanghai,'@home,");
    expect(whole).toContain(",'-,Zed,\"a,b\",");
    expect(whole).toContain(',"王伟, 北京",,,"cr\ronly",');
    expect(whole).toContain(",Plain,Two,'quoted',");
    expect(whole).toContain(",'-Berlin,");
    expect(whole).toContain(',Only,Comma,,,,,,,,"Paris, TX",,');

    await call('accounts.create', { name: 'Sons & Co, Ltd', annualRevenue: 1054.5, employees: 12, parentId: acme.id });
    const accounts = async (input: object) =>
      (await readAll((await done((await call('export.start', { type: 'accounts', format: 'csv', sort: { field: 'createdAt', dir: 'asc' }, ...input })).jobId)).jobId)).toString('utf8');
    const allAccounts = await accounts({});
    expect(allAccounts).toBe(await accounts({ filter: { name: { ne: 'nobody' } } }));
    expect(allAccounts).toContain('"Sons & Co, Ltd",');
    expect(allAccounts).toContain(',1054.5,12,');
    expect(allAccounts).toContain(',"Acme, ""Inc.""",');
    // No text column at all: every cell is formatted one by one.
    expect(await accounts({ columns: ['annualRevenue', 'employees'] })).toBe('\uFEFFannualRevenue,employees\r\n,\r\n1054.5,12\r\n');
  });

  it('writes .xlsx that unzips to a valid workbook with numbers as numbers', async () => {
    await call('accounts.create', { name: 'Acme & Sons <Ltd>', annualRevenue: 1054.5, employees: 12 });
    await call('accounts.create', { name: '北京星光科技有限公司' });
    const status = await done((await call('export.start', { type: 'accounts', format: 'xlsx', columns: ['name', 'annualRevenue', 'employees'] })).jobId);
    const files = unzipSync(new Uint8Array(await readAll(status.jobId)));
    expect(Object.keys(files).sort()).toEqual(['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']);
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
    expect(sheet).toContain('<t xml:space="preserve">Acme &amp; Sons &lt;Ltd&gt;</t>');
    expect(sheet).toContain('<c r="B2"><v>1054.5</v></c>');
    expect(sheet).toContain('北京星光科技有限公司');
    expect(sheet.match(/<row /g)).toHaveLength(3);
  });

  it('writes contacts as vCard 4.0', async () => {
    await someContacts();
    const status = await done((await call('export.start', { type: 'contacts', format: 'vcard' })).jobId);
    expect(status.fileName).toMatch(/\.vcf$/);
    const text = (await readAll(status.jobId)).toString('utf8');
    const cards = text.split('BEGIN:VCARD\r\n').slice(1);
    expect(cards).toHaveLength(3);
    const ann = cards.find((c) => c.includes('FN:Ann Lee'))!;
    expect(ann).toContain('VERSION:4.0\r\n');
    expect(ann).toContain('N:Lee;Ann;;;\r\n');
    expect(ann).toContain('ORG:Acme\\, Inc.\r\n');
    expect(ann).toContain('EMAIL;TYPE=work:ann@example.com\r\n');
    const wang = cards.find((c) => c.includes('FN:王伟'))!;
    expect(wang).toContain('TEL;VALUE=uri;TYPE="work,voice":tel:+8613812345678');
    expect(wang).toContain('NOTE:line one\\nline two\\; with\\, commas');
    expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
  });
});
