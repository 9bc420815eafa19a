import { z } from 'zod';
import type { ImportLocale } from '../../../shared/import-labels';

/**
 * The import's own words, per language: why a row was rejected, the rejected-rows file's reason
 * column, what a job's status says when it stops. English is exactly what the API has always
 * written (integrators match on it); reasons.ts puts them together.
 */

/** What a name in a link column was looked for among. */
export type LinkNoun = 'account' | 'active user' | 'user' | 'product' | 'record';

export interface ImportMessages {
  /** One field's reason, the field named as `label` says ("email: ...", "邮箱：..."). */
  field(label: string, message: string): string;
  /** A reason about the whole row rather than one field. */
  wholeRow(message: string): string;
  /** Between the reasons of one row's several fields. */
  separator: string;
  notNumber(text: string): string;
  notYesNo(text: string): string;
  notDate(text: string): string;
  notDateTime(text: string): string;
  notOneOf(text: string, values: readonly string[]): string;
  noneNamed(noun: LinkNoun, name: string): string;
  /** A row the database refused (a constraint no check foresaw); `why` is the database's own message. */
  notSaved(why: string): string;
  /** The header of the rejected-rows file's last column. */
  reasonColumn: string;
  /** The job's message when parents named in the file were never found (the records are in, unlinked). */
  unlinked(names: readonly string[], more: boolean): string;
  cancelled: string;
  failed: string;
  interrupted: string;
  /** A job found running in a process that has since stopped. */
  stopped: string;
}

const quoted = (names: readonly string[]) => names.map((name) => `"${name}"`).join(', ');

const en: ImportMessages = {
  field: (label, message) => `${label}: ${message}`,
  wholeRow: (message) => `row: ${message}`,
  separator: '; ',
  notNumber: (text) => `"${text}" is not a number`,
  notYesNo: (text) => `"${text}" is not yes or no`,
  notDate: (text) => `"${text}" is not a date`,
  notDateTime: (text) => `"${text}" is not a date and time`,
  notOneOf: (text, values) => `"${text}" is not one of ${values.join(', ')}`,
  noneNamed: (noun, name) => `no ${noun} named "${name}"`,
  notSaved: (why) => `Could not be saved: ${why}`,
  reasonColumn: 'reason',
  unlinked: (names, more) => `Imported without a link to ${quoted(names)}${more ? ' and others' : ''}: not found.`,
  cancelled: 'Cancelled; what was imported so far can be undone.',
  failed: 'The import failed on the server; what was imported so far can be undone.',
  interrupted: 'The server stopped during the import; what was imported so far can be undone.',
  stopped: 'The server stopped during this job; what was done so far can be undone.',
};

const ZH_NOUNS: Record<LinkNoun, string> = { account: '客户', 'active user': '在职用户', user: '用户', product: '产品', record: '记录' };

const zhCN: ImportMessages = {
  field: (label, message) => `${label}：${message}`,
  wholeRow: (message) => message,
  separator: '；',
  notNumber: (text) => `“${text}”不是数字`,
  notYesNo: (text) => `“${text}”不是“是”或“否”`,
  notDate: (text) => `“${text}”不是日期`,
  notDateTime: (text) => `“${text}”不是日期和时间`,
  notOneOf: (text, values) => `“${text}”不是可选值之一（${values.join('、')}）`,
  noneNamed: (noun, name) => `没有名为“${name}”的${ZH_NOUNS[noun]}`,
  notSaved: (why) => `无法保存：${why}`,
  reasonColumn: '原因',
  unlinked: (names, more) => `找不到${names.map((name) => `“${name}”`).join('、')}${more ? '等' : ''}：相关记录已导入，但未关联。`,
  cancelled: '已取消；已导入的部分可以撤销。',
  failed: '导入在服务器上失败；已导入的部分可以撤销。',
  interrupted: '导入过程中服务器停止了；已导入的部分可以撤销。',
  stopped: '此任务进行中服务器停止了；已完成的部分可以撤销。',
};

export const IMPORT_MESSAGES: Record<ImportLocale, ImportMessages> = { en, 'zh-CN': zhCN };

/**
 * The record rules' field messages (electron/core/validation, records, users) in Chinese, keyed by
 * their English text: the rules speak the API's English, and an import row they refuse is reported
 * in the wizard's language when its message is one of these. Others stay English.
 */
export const RULE_MESSAGES_ZH: ReadonlyMap<string, string> = new Map([
  ['Not an email address', '不是有效的邮箱地址'],
  ['Not a phone number (add the country code, e.g. +44)', '不是有效的电话号码（请加上国家代码，例如 +86）'],
  ['Not a web address', '不是有效的网址'],
  ['Required', '必填'],
  ['Required when a deal is lost', '输单时必须填写'],
  ['Before the start', '早于开始时间'],
  ['No such active user', '没有这个在职用户'],
  ['Taken', '已被占用'],
  ['At least 2 characters', '至少 2 个字符'],
  ['Letters, digits and . _ @ - only', '只能包含字母、数字和 . _ @ -'],
]);

/** A deal's stage the pipeline does not have (services/sales/pipelines.ts): the message names it. */
export function stageMessageZh(message: string): string | undefined {
  const stage = /^No stage "(.*)" in this pipeline$/.exec(message)?.[1];
  return stage === undefined ? undefined : `此销售流程中没有“${stage}”阶段`;
}

const zodZhCN = z.locales.zhCN().localeError;

/**
 * The create and update schemas' own reasons in Chinese, for one parse (zod's global language stays
 * English for the rest of the server): the common ones in the words a user would say, the rest in
 * zod's own zh-CN locale.
 */
export const zodErrorMapZhCN: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_type' && issue.input === undefined) return '必填';
  if (issue.code === 'too_big' || issue.code === 'too_small') {
    const limit = String(issue.code === 'too_big' ? issue.maximum : issue.minimum);
    const inclusive = issue.inclusive !== false;
    if (issue.origin === 'string') {
      if (issue.code === 'too_small' && limit === '1') return '必填';
      return issue.code === 'too_big' ? `最多 ${limit} 个字符` : `至少 ${limit} 个字符`;
    }
    if (issue.origin === 'number' || issue.origin === 'int') {
      if (issue.code === 'too_big') return inclusive ? `不能大于 ${limit}` : `必须小于 ${limit}`;
      return inclusive ? `不能小于 ${limit}` : `必须大于 ${limit}`;
    }
  }
  return zodZhCN(issue);
};
