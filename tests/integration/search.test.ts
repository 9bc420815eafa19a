import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestBackend, type TestBackend } from '../helpers/backend';

describe('global search', () => {
  let t: TestBackend;
  beforeEach(async () => {
    t = await startTestBackend();
  });
  afterEach(() => t.close());

  const call = (method: string, input: unknown, ctx = t.admin) => t.backend.call(ctx, method, input) as Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const search = async (q: string, types?: string[]) => {
    const result = await call('search.global', { q, types, limit: 10 });
    return Object.fromEntries(result.groups.map((g: { type: string; items: unknown[] }) => [g.type, g.items])) as Record<string, any[]>; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  const titles = async (q: string, type = 'contacts') => ((await search(q))[type] ?? []).map((r) => r.title);

  it('finds a contact by a two-character Chinese name, four phone digits, the part of the email before @, and jose for José', async () => {
    const account = await call('accounts.create', { name: '北京星光科技有限公司' });
    const wang = await call('contacts.create', { lastName: '王', firstName: '伟', accountId: account.id, phone: '+86 138 1234 5678' });
    await call('contacts.create', { lastName: '王', firstName: '芳' });
    await call('contacts.create', { firstName: 'José', lastName: 'Müller', email: 'jose.mueller@example.com', phone: '+1 212 555 0109' });
    await call('contacts.create', { firstName: 'Ann', lastName: 'Lee', email: 'ann.lee@example.org' });

    const byName = await search('王伟');
    expect(byName.contacts!.map((r) => r.title)).toEqual(['王伟']);
    expect(byName.contacts![0]).toMatchObject({ id: wang.id, subtitle: expect.stringContaining('北京星光科技有限公司') });
    expect(await titles('王')).toEqual(expect.arrayContaining(['王伟', '王芳']));
    expect(await titles('科技', 'accounts')).toEqual(['北京星光科技有限公司']);
    expect(await titles('星光科技', 'accounts')).toEqual(['北京星光科技有限公司']);

    expect(await titles('0109')).toEqual(['José Müller']);
    expect(await titles('555 0109')).toEqual(['José Müller']);
    expect(await titles('5550109')).toEqual(['José Müller']);
    expect(await titles('(212) 555-0109')).toEqual(['José Müller']);
    expect((await search('5678')).contacts![0]).toMatchObject({ title: '王伟', matchedField: 'phone' });

    expect(await titles('jose.mueller')).toEqual(['José Müller']);
    expect((await search('jose.mueller')).contacts![0].matchedField).toBe('email');
    expect(await titles('jose')).toEqual(['José Müller']);
    expect(await titles('JOSÉ')).toEqual(['José Müller']);
    expect(await titles('muller')).toEqual(['José Müller']);
    expect(await titles('ülle')).toEqual(['José Müller']);
  });

  it('finds word prefixes from one character, and parts of words from three', async () => {
    await call('contacts.create', { firstName: 'Robert', lastName: 'Johnson' });
    await call('contacts.create', { firstName: 'Mary', lastName: 'Jones' });
    await call('accounts.create', { name: 'Acme Holdings Inc' });
    expect(await titles('j')).toEqual(expect.arrayContaining(['Robert Johnson', 'Mary Jones']));
    expect(await titles('jo')).toHaveLength(2);
    expect(await titles('johns')).toEqual(['Robert Johnson']);
    expect(await titles('ohnso')).toEqual(['Robert Johnson']);
    expect(await titles('rob john')).toEqual(['Robert Johnson']);
    expect(await titles('hold', 'accounts')).toEqual(['Acme Holdings Inc']);
    expect(await titles('oldin', 'accounts')).toEqual(['Acme Holdings Inc']);
    expect(await search('@@')).toEqual({});
  });

  it('keeps the index in step: a record created a moment ago is found, a deleted one is not, a restored one is again', async () => {
    const c = await call('contacts.create', { firstName: 'Zelda', lastName: 'Quist' });
    expect(await titles('zel')).toEqual(['Zelda Quist']);
    await call('contacts.update', { id: c.id, version: 1, patch: { firstName: 'Xena' } });
    expect(await titles('zel')).toEqual([]);
    expect(await titles('xen')).toEqual(['Xena Quist']);
    await call('contacts.delete', { id: c.id });
    expect(await titles('quist')).toEqual([]);
    await call('contacts.restore', { id: c.id });
    expect(await titles('quist')).toEqual(['Xena Quist']);
    const a = await call('activities.create', { type: 'call', subject: 'Renewal call with Quist' });
    expect((await search('renewal')).activities!.map((r) => r.id)).toEqual([a.id]);
    await call('recycleBin.purge', { all: true }).catch(() => undefined);
  });

  it('covers leads, deals and cases too', async () => {
    const acme = await call('accounts.create', { name: 'Acme Corp' });
    const lead = await call('leads.create', { firstName: 'Lena', lastName: 'Kowalski', company: 'Kowalski Bakery', email: 'lena@bakery.example' });
    const deal = await call('opportunities.create', { name: 'Kowalski ovens', accountId: acme.id, stage: 'Prospecting', closeDate: '2031-03-17' });
    const found = await search('kowalski');
    expect(found.leads!.map((r) => r.id)).toEqual([lead.id]);
    expect(found.opportunities!.map((r) => r.id)).toEqual([deal.id]);
    expect(found.opportunities![0].subtitle).toContain('Acme Corp');
    // Second lines come in typed parts too, so a client shows statuses and dates in its user's language.
    expect(found.leads![0].subtitleParts).toEqual([
      { kind: 'text', value: 'Kowalski Bakery' },
      { kind: 'enum', field: 'status', value: 'new' },
      { kind: 'text', value: 'lena@bakery.example' },
    ]);
    expect(found.opportunities![0].subtitleParts).toEqual([
      { kind: 'text', value: 'Acme Corp' },
      { kind: 'text', value: 'Prospecting' },
      { kind: 'date', value: '2031-03-17' },
    ]);
    const support = await call('cases.create', { subject: 'Oven door broken', accountId: acme.id, priority: 'high' });
    expect((await search('oven door')).cases!.map((r) => r.id)).toEqual([support.id]);
    expect((await search('oven door')).cases![0]).toMatchObject({
      subtitle: 'Acme Corp · new · high',
      subtitleParts: [
        { kind: 'text', value: 'Acme Corp' },
        { kind: 'enum', field: 'status', value: 'new' },
        { kind: 'enum', field: 'priority', value: 'high' },
      ],
    });
    expect((await search(support.number)).cases!.map((r) => r.id)).toEqual([support.id]);
  });

  it('ranks exact and prefix matches first, then my own records, then the most recent', async () => {
    const sales = await t.userWithRole('sales');
    await call('contacts.create', { firstName: 'Annabel', lastName: 'Ross' });
    await call('contacts.create', { firstName: 'Joanna', lastName: 'Ann' });
    t.clock.advance(1000);
    await call('contacts.create', { firstName: 'Anna', lastName: 'Mine' }, sales.ctx);
    t.clock.advance(1000);
    await call('contacts.create', { firstName: 'Anna', lastName: 'Other' });
    const asSales = await t.backend.call(sales.ctx, 'search.global', { q: 'ann', types: ['contacts'] }) as any; // eslint-disable-line @typescript-eslint/no-explicit-any
    const order = asSales.groups[0].items.map((r: { title: string }) => r.title);
    // "Ann" is an exact last name; then the prefix matches: mine first, then the newest.
    expect(order).toEqual(['Joanna Ann', 'Anna Mine', 'Anna Other', 'Annabel Ross']);
  });
});
