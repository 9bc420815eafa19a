import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hasImportFieldLabel, importFieldLabel } from '../../shared/import-labels';
import { startTestBackend, type TestBackend } from '../helpers/backend';
import { expectAppError } from '../helpers/expect-error';

describe('import reasons in the wizard’s language', () => {
  let t: TestBackend;
  const call = (method: string, input: unknown, ctx = t.admin) => t.backend.call(ctx, method, input) as Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  beforeEach(async () => {
    t = await startTestBackend();
    await call('accounts.create', { name: 'Acme Inc' });
  });
  afterEach(() => t.close());

  const finished = async (jobId: string) => {
    for (let i = 0; i < 1000; i++) {
      const status = await call('import.status', { jobId });
      if (status.state !== 'running') return status;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    throw new Error('import did not finish');
  };
  const importFile = async (input: Record<string, unknown>) => finished((await call('import.start', input)).jobId);
  /** The rejected-rows file's header and last column, as a spreadsheet shows them. */
  const rejectedFile = async (jobId: string) => {
    const [header, ...rows] = (await call('import.rejected', { jobId })).csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    return { header, rows };
  };

  /** Four people: a bad email, an unknown company, no last name, a phone that is not one; and one good row. */
  const contacts = {
    type: 'contacts',
    fileName: '联系人.csv',
    csv: ['名,姓,邮箱,电话,公司', '伟,王,not-an-email,,Acme Inc', '芳,李,,,Nope Inc', '娜,,na@example.cn,,Acme Inc', '敏,张,,call me,Acme Inc', '静,刘,jing@example.cn,138 0013 8000,Acme Inc'].join('\n'),
    mapping: { 名: 'firstName', 姓: 'lastName', 邮箱: 'email', 电话: 'phone', 公司: 'accountName' },
  };

  it('writes a Chinese import’s reasons in Chinese, naming fields as the wizard does, down to the rejected-rows file', async () => {
    const status = await importFile({ ...contacts, locale: 'zh-CN' });
    expect(status).toMatchObject({ state: 'done', created: 1, failed: 4 });
    expect(status.errors).toEqual([
      { line: 2, reason: '邮箱：不是有效的邮箱地址' },
      { line: 3, reason: '客户（按名称）：没有名为“Nope Inc”的客户' },
      { line: 4, reason: '姓：必填' },
      { line: 5, reason: '电话：不是有效的电话号码（请加上国家代码，例如 +86）' },
    ]);
    // The field names are the ones the wizard's mapping step shows in 简体中文.
    expect(importFieldLabel('contacts', 'email', 'zh-CN')).toBe('邮箱');
    expect(importFieldLabel('contacts', 'accountName', 'zh-CN')).toBe('客户（按名称）');

    const file = await rejectedFile(status.jobId);
    expect(file.header).toBe('名,姓,邮箱,电话,公司,原因');
    expect(file.rows[0]).toBe('伟,王,not-an-email,,Acme Inc,邮箱：不是有效的邮箱地址');
    expect(file.rows).toHaveLength(4);
  });

  it('writes English reasons, exactly as before, with locale en or none; a job keeps the language it was started in', async () => {
    const chinese = await importFile({ ...contacts, locale: 'zh-CN' });
    const english = [
      { line: 2, reason: 'email: Not an email address' },
      { line: 3, reason: 'accountName: no account named "Nope Inc"' },
      { line: 4, reason: 'lastName: Invalid input: expected string, received undefined' },
      { line: 5, reason: 'phone: Not a phone number (add the country code, e.g. +44)' },
    ];
    for (const locale of [undefined, 'en']) {
      const status = await importFile({ ...contacts, ...(locale ? { locale } : {}) });
      expect(status.errors).toEqual(english);
      const file = await rejectedFile(status.jobId);
      expect(file.header).toBe('名,姓,邮箱,电话,公司,reason');
      expect(file.rows[0]).toBe('伟,王,not-an-email,,Acme Inc,email: Not an email address');
    }
    expect((await call('import.status', { jobId: chinese.jobId })).errors[0].reason).toBe('邮箱：不是有效的邮箱地址');
    await expectAppError(call('import.start', { ...contacts, locale: 'fr' }), 'VALIDATION');
  });

  it('speaks Chinese for deals, users and values the file cannot give, and in the job’s message about parents not found', async () => {
    const deals = await importFile({
      type: 'opportunities',
      locale: 'zh-CN',
      csv: 'name,stage,amount,probability\nBig order,No such stage,100,\nSmall order,Qualification,lots,\nOdd order,Qualification,5,150\n',
      mapping: { name: 'name', stage: 'stage', amount: 'amount', probability: 'probability' },
    });
    expect(deals.errors).toEqual([
      { line: 2, reason: '阶段：此销售流程中没有“No such stage”阶段' },
      { line: 3, reason: '金额：“lots”不是数字' },
      { line: 4, reason: '赢率 (%)：不能大于 100' },
    ]);

    const users = await importFile({
      type: 'users',
      locale: 'zh-CN',
      csv: 'name,role,manager\nAnna,wizard,\nBen,,Nobody\n',
      mapping: { name: 'displayName', role: 'role', manager: 'managerName' },
    });
    expect(users.errors).toEqual([
      { line: 2, reason: '角色：“wizard”不是可选值之一（admin、manager、sales、support、readonly）' },
      { line: 3, reason: '经理（按姓名或用户名）：没有名为“Nobody”的用户' },
    ]);

    const parents = await importFile({ type: 'accounts', locale: 'zh-CN', csv: 'name,parent\nOrphan Co,Nobody Inc\n', mapping: { name: 'name', parent: 'parentName' } });
    expect(parents).toMatchObject({ created: 1, message: '找不到“Nobody Inc”：相关记录已导入，但未关联。' });
  });

  it('has a label in English and Chinese for every field the wizard can map', async () => {
    const { types } = await call('import.types', {});
    const unlabelled = types.flatMap((info: { type: string; fields: { field: string }[] }) =>
      info.fields.filter((f) => !hasImportFieldLabel(info.type, f.field)).map((f) => `${info.type}.${f.field}`),
    );
    expect(unlabelled).toEqual([]);
  });
});
