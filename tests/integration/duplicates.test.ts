import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestBackend, type TestBackend } from '../helpers/backend';
import { expectAppError } from '../helpers/expect-error';

describe('duplicates', () => {
  let t: TestBackend;
  beforeEach(async () => {
    t = await startTestBackend();
  });
  afterEach(() => t.close());

  const call = (method: string, input: unknown, ctx = t.admin) => t.backend.call(ctx, method, input) as Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const waitForJob = async (method: string, jobId: string) => {
    for (let i = 0; i < 500; i++) {
      const status = await call(method, { jobId });
      if (status.state !== 'running') return status;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error('job did not finish');
  };

  it('flags JOHN@EXAMPLE.COM against john@example.com, the same phone typed another way, and a similar name at the same account', async () => {
    const acme = await call('accounts.create', { name: 'Acme' });
    const john = await call('contacts.create', { firstName: 'John', lastName: 'Smith', email: 'john@example.com', phone: '+1 212 555 0109', accountId: acme.id });
    await call('contacts.create', { firstName: 'Jane', lastName: 'Smith', accountId: acme.id });

    const byEmail = await call('duplicates.check', { type: 'contacts', record: { lastName: 'Other', email: 'JOHN@EXAMPLE.COM' } });
    expect(byEmail.candidates).toEqual([expect.objectContaining({ id: john.id, title: 'John Smith', reasons: [expect.objectContaining({ rule: 'email' })] })]);
    expect(byEmail.candidates[0].score).toBeGreaterThan(0.9);

    const byPhone = await call('duplicates.check', { type: 'contacts', record: { lastName: 'X', mobile: '(212) 555-0109' } });
    expect(byPhone.candidates.map((c: { id: string }) => c.id)).toEqual([john.id]);

    const byName = await call('duplicates.check', { type: 'contacts', record: { firstName: 'Jon', lastName: 'Smith', accountId: acme.id } });
    expect(byName.candidates.map((c: { title: string }) => c.title)).toEqual(['John Smith']);
    // Jane Smith is another person; the record being edited is never its own duplicate.
    const self = await call('duplicates.check', { type: 'contacts', id: john.id, record: { firstName: 'John', lastName: 'Smith', email: 'john@example.com', accountId: acme.id } });
    expect(self.candidates).toEqual([]);
    // A half-typed email is simply not checked.
    expect((await call('duplicates.check', { type: 'contacts', record: { lastName: 'Z', email: 'john@' } })).candidates).toEqual([]);
  });

  it('matches accounts by name without legal forms, by website domain and by phone; an admin can turn a rule off', async () => {
    const acme = await call('accounts.create', { name: 'Acme Holdings, Inc.', website: 'https://www.acme.com/about' });
    const star = await call('accounts.create', { name: '北京星光科技有限公司', phone: '+86 10 6552 9988' });
    const check = async (record: object) => (await call('duplicates.check', { type: 'accounts', record })).candidates.map((c: { id: string }) => c.id);
    expect(await check({ name: 'ACME Holdings Ltd' })).toEqual([acme.id]);
    expect(await check({ name: 'Acme Holding GmbH' })).toEqual([acme.id]);
    expect(await check({ name: 'Other', website: 'acme.com' })).toEqual([acme.id]);
    expect(await check({ name: '北京星光科技股份有限公司' })).toEqual([star.id]);
    expect(await check({ name: 'Other', phone: '+861065529988' })).toEqual([star.id]);
    expect(await check({ name: 'Apex Trading' })).toEqual([]);

    const sales = await t.userWithRole('sales');
    await expectAppError(call('duplicates.updateRules', { rules: [{ type: 'accounts', rule: 'domain', enabled: false }] }, sales.ctx), 'FORBIDDEN');
    const rules = await call('duplicates.updateRules', { rules: [{ type: 'accounts', rule: 'domain', enabled: false }] });
    expect(rules.rules).toContainEqual(expect.objectContaining({ type: 'accounts', rule: 'domain', enabled: false }));
    expect(await check({ name: 'Other', website: 'acme.com' })).toEqual([]);
  });

  it('checks a lead against other leads and against contacts', async () => {
    const contact = await call('contacts.create', { firstName: 'Ann', lastName: 'Lee', email: 'ann@example.com' });
    const lead = await call('leads.create', { firstName: 'Ann', lastName: 'Lee', phone: '+1 212 555 0142' });
    const found = await call('duplicates.check', { type: 'leads', record: { lastName: 'Lee', email: 'Ann@Example.com', mobile: '212-555-0142' } });
    expect(found.candidates.map((c: { type: string; id: string }) => [c.type, c.id])).toEqual(expect.arrayContaining([['contacts', contact.id], ['leads', lead.id]]));
  });

  it('scans all contacts in the background and lists the duplicate groups', async () => {
    const acme = await call('accounts.create', { name: 'Acme' });
    const a = await call('contacts.create', { firstName: 'Ann', lastName: 'Lee', email: 'ann@example.com' });
    const b = await call('contacts.create', { firstName: 'Annie', lastName: 'Lee', email: 'ANN@example.com' });
    const c = await call('contacts.create', { firstName: 'Bob', lastName: 'Ray', mobile: '+1 212 555 0199' });
    const d = await call('contacts.create', { firstName: 'Rob', lastName: 'Roy', phone: '+12125550199' });
    const e = await call('contacts.create', { firstName: 'Catherine', lastName: 'Zeta', accountId: acme.id });
    const f = await call('contacts.create', { firstName: 'Catharine', lastName: 'Zeta', accountId: acme.id });
    await call('contacts.create', { firstName: 'Unique', lastName: 'Person', email: 'u@example.com', accountId: acme.id });
    const { jobId } = await call('duplicates.scan', { type: 'contacts' });
    const status = await waitForJob('duplicates.scanStatus', jobId);
    expect(status.message).toBeNull();
    expect(status).toMatchObject({ state: 'done', groupCount: 3 });
    expect(status.processed).toBe(status.total);
    const groups = status.groups.map((g: { ids: string[]; rules: string[] }) => ({ ids: [...g.ids].sort(), rules: g.rules }));
    expect(groups).toEqual(
      expect.arrayContaining([
        { ids: [a.id, b.id].sort(), rules: ['email'] },
        { ids: [c.id, d.id].sort(), rules: ['phone'] },
        { ids: [e.id, f.id].sort(), rules: ['nameAtAccount'] },
      ]),
    );
  });

  it('merges two contacts: picked values survive, activities and cases move, the source goes to the recycle bin; undo restores both exactly', async () => {
    const acme = await call('accounts.create', { name: 'Acme' });
    const target = await call('contacts.create', { firstName: 'John', lastName: 'Smith', email: 'john@example.com', accountId: acme.id });
    const source = await call('contacts.create', { firstName: 'Johnny', lastName: 'Smith', email: 'JOHN@EXAMPLE.COM', title: 'CTO', phone: '+1 212 555 0109' });
    const callLog = await call('activities.create', { type: 'call', subject: 'Intro call', contactId: source.id });
    const note = await call('activities.create', { type: 'note', subject: 'Met at fair', relatedType: 'contacts', relatedId: source.id });
    const kept = await call('activities.create', { type: 'task', subject: 'Send quote', contactId: target.id });
    // In the recycle bin: it moves too, so a restore brings it back to the survivor.
    const binned = await call('activities.create', { type: 'task', subject: 'Old task', contactId: source.id });
    await call('activities.delete', { id: binned.id });
    let caseId: string | null = null;
    try {
      caseId = (await call('cases.create', { subject: 'Printer broken', contactId: source.id })).id;
    } catch {
      caseId = null; // cases arrive with the service issue
    }
    const targetBefore = await call('contacts.get', { id: target.id });
    const sourceBefore = await call('contacts.get', { id: source.id });

    const merged = await call('contacts.merge', { targetId: target.id, sourceIds: [source.id], fields: { firstName: source.id } });
    expect(merged.record).toMatchObject({ id: target.id, firstName: 'Johnny', email: 'john@example.com', title: 'CTO', phone: '+12125550109' });
    expect(merged.moved).toBe(caseId ? 4 : 3);
    expect((await call('activities.get', { id: callLog.id })).contactId).toBe(target.id);
    await call('activities.restore', { id: binned.id });
    expect((await call('activities.get', { id: binned.id })).contactId).toBe(target.id);
    await call('activities.delete', { id: binned.id });
    expect((await call('activities.get', { id: note.id })).relatedId).toBe(target.id);
    if (caseId) expect((await call('cases.get', { id: caseId })).contactId).toBe(target.id);
    await expectAppError(call('contacts.get', { id: source.id }), 'NOT_FOUND');
    const bin = await call('recycleBin.list', {});
    expect(bin.items).toEqual(expect.arrayContaining([expect.objectContaining({ id: source.id, type: 'contacts' })]));
    const history = await call('contacts.history', { id: target.id });
    expect(history.items[0].fields).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'mergedFrom' }), expect.objectContaining({ field: 'firstName', oldValue: 'John', newValue: 'Johnny' })]));
    expect((await call('merges.list', { recordId: source.id })).items).toEqual([expect.objectContaining({ id: merged.mergeId, targetId: target.id })]);

    const undone = await call('merges.undo', { id: merged.mergeId });
    expect(undone.restored).toEqual([source.id]);
    const strip = (r: Record<string, unknown>) => {
      const { version: _v, updatedAt: _u, updatedBy: _b, ...rest } = r;
      return rest;
    };
    expect(strip(await call('contacts.get', { id: target.id }))).toEqual(strip(targetBefore));
    expect(strip(await call('contacts.get', { id: source.id }))).toEqual(strip(sourceBefore));
    expect((await call('activities.get', { id: callLog.id })).contactId).toBe(source.id);
    expect((await call('activities.get', { id: note.id })).relatedId).toBe(source.id);
    expect((await call('activities.get', { id: kept.id })).contactId).toBe(target.id);
    if (caseId) expect((await call('cases.get', { id: caseId })).contactId).toBe(source.id);
    expect((await call('recycleBin.list', {})).items).toEqual([expect.objectContaining({ id: binned.id, type: 'activities' })]);
    await expectAppError(call('merges.undo', { id: merged.mergeId }), 'CONFLICT');
  });

  it('merges accounts: contacts, child accounts and activities move to the survivor; a sales user cannot merge what they do not own', async () => {
    const target = await call('accounts.create', { name: 'Acme Inc' });
    const source = await call('accounts.create', { name: 'ACME Ltd', website: 'acme.com' });
    const child = await call('accounts.create', { name: 'Acme Shanghai', parentId: source.id });
    const person = await call('contacts.create', { lastName: 'Lee', accountId: source.id });
    const sales = await t.userWithRole('sales');
    await expectAppError(call('accounts.merge', { targetId: target.id, sourceIds: [source.id] }, sales.ctx), 'FORBIDDEN');
    await expectAppError(call('accounts.merge', { targetId: target.id, sourceIds: [target.id] }), 'VALIDATION');

    const merged = await call('accounts.merge', { targetId: target.id, sourceIds: [source.id] });
    expect(merged.record.website).toBe('https://acme.com');
    expect((await call('contacts.get', { id: person.id })).accountId).toBe(target.id);
    expect((await call('accounts.get', { id: child.id })).parentId).toBe(target.id);
    await call('merges.undo', { id: merged.mergeId });
    expect((await call('contacts.get', { id: person.id })).accountId).toBe(source.id);
    expect((await call('accounts.get', { id: child.id })).parentId).toBe(source.id);
    expect((await call('accounts.get', { id: target.id })).website).toBeNull();
  });
});
