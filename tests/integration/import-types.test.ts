import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestBackend, type TestBackend } from '../helpers/backend';
import { expectAppError } from '../helpers/expect-error';

interface TypeInfo {
  type: string;
  fields: { field: string; kind: string; required: boolean; values?: string[] }[];
  matchFields: string[];
  matchModes: string[];
}

describe('import.types', () => {
  let t: TestBackend;
  beforeEach(async () => {
    t = await startTestBackend();
  });
  afterEach(() => t.close());

  const call = (method: string, input: unknown, ctx = t.admin) => t.backend.call(ctx, method, input) as Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const typesFor = async (ctx = t.admin) => (await call('import.types', {}, ctx)).types as TypeInfo[];
  const finished = async (jobId: string) => {
    for (let i = 0; i < 500; i++) {
      const status = await call('import.status', { jobId });
      if (status.state !== 'running') return status;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    throw new Error('import did not finish');
  };
  /** A file whose header row names every field (one column each), and no rows. */
  const headerOnly = (info: TypeInfo) => info.fields.map((f) => f.field).join(',');
  const mapEvery = (info: TypeInfo) => Object.fromEntries(info.fields.map((f) => [f.field, f.field]));

  it('lists what each role may import, as import.start takes it', async () => {
    const admin = await typesFor();
    expect(admin.map((info) => info.type)).toEqual(['accounts', 'contacts', 'leads', 'opportunities', 'activities', 'users', 'products']);
    const contacts = admin.find((info) => info.type === 'contacts')!;
    expect(contacts.matchFields).toEqual(['email', 'externalId']);
    expect(contacts.matchModes).toEqual(['update', 'skip', 'create']);
    expect(admin.find((info) => info.type === 'users')!.matchModes).toEqual(['skip', 'create']);
    expect(contacts.fields).toEqual(
      expect.arrayContaining([
        { field: 'lastName', kind: 'text', required: true },
        { field: 'accountName', kind: 'link', required: false },
        { field: 'fullName', kind: 'fullName', required: false },
        { field: 'externalId', kind: 'externalId', required: false },
      ]),
    );
    expect(admin.find((info) => info.type === 'users')!.fields).toContainEqual(expect.objectContaining({ field: 'role', kind: 'enum', values: expect.arrayContaining(['admin', 'readonly']) }));

    const sales = await t.userWithRole('sales');
    const manager = await t.userWithRole('manager');
    const readonly = await t.userWithRole('readonly');
    expect((await typesFor(sales.ctx)).map((info) => info.type)).toEqual(['accounts', 'contacts', 'leads', 'opportunities', 'activities']);
    expect((await typesFor(manager.ctx)).map((info) => info.type)).toEqual(['accounts', 'contacts', 'leads', 'opportunities', 'activities', 'products']);
    expect(await typesFor(readonly.ctx)).toEqual([]);

    // What is left out is what import.start refuses.
    const csv = 'Name\nAnna Snelling';
    await expectAppError(call('import.start', { type: 'users', csv, mapping: { Name: 'displayName' } }, sales.ctx), 'FORBIDDEN');
    await expectAppError(call('import.start', { type: 'products', csv, mapping: { Name: 'name' } }, sales.ctx), 'FORBIDDEN');
    await expectAppError(call('import.start', { type: 'contacts', csv, mapping: { Name: 'fullName' } }, readonly.ctx), 'FORBIDDEN');
    await expectAppError(call('import.start', { type: 'cases', csv, mapping: { Name: 'subject' } }), 'VALIDATION');
    // ...and import.preview refuses it the same way.
    await expectAppError(call('import.preview', { type: 'users', csv }, sales.ctx), 'FORBIDDEN');
    await expectAppError(call('import.preview', { type: 'products', csv }, sales.ctx), 'FORBIDDEN');
    expect((await call('import.preview', { type: 'products', csv }, manager.ctx)).headers).toEqual(['Name']);
  });

  it('every listed field can be mapped and every match key matched by; import.preview offers the same fields', async () => {
    for (const info of await typesFor()) {
      const csv = headerOnly(info);
      const preview = await call('import.preview', { type: info.type, csv });
      expect({ ...info, fields: preview.fields, matchFields: preview.matchFields }).toEqual(info);

      const { jobId } = await call('import.start', { type: info.type, csv, mapping: mapEvery(info) });
      expect(await finished(jobId)).toMatchObject({ state: 'done', total: 0 });
      for (const field of info.matchFields) {
        for (const mode of info.matchModes) {
          const matched = await call('import.start', { type: info.type, csv, mapping: mapEvery(info), match: { field, mode } });
          expect(await finished(matched.jobId)).toMatchObject({ state: 'done' });
        }
      }
      // A mode that is not listed is refused.
      for (const mode of ['update', 'skip', 'create'].filter((m) => !info.matchModes.includes(m))) {
        await expectAppError(call('import.start', { type: info.type, csv, mapping: mapEvery(info), match: { field: info.matchFields[0], mode } }), 'VALIDATION');
      }
      // A field that is not listed is refused, naming the column.
      const error = await expectAppError(call('import.start', { type: info.type, csv: `${csv},Extra`, mapping: { ...mapEvery(info), Extra: 'noSuchField' } }), 'VALIDATION');
      expect(error.details).toEqual([{ path: 'mapping.Extra', message: 'Unknown field noSuchField' }]);
    }
  });
});
