import type { z } from 'zod';
import type { RecordType } from '../../../shared/schemas/records/common';
import { methods } from '../../../shared/methods';
import type { Db } from '../db/open';
import { toMajorUnits } from '../records/mapping';
import { linesTotal, resolveLineItems, storedLineItems, writeLineItems, type ResolvedLine } from '../services/sales/line-items';
import { allFields, searchKey, type FieldKind, type RecordDef, type Values } from '../records/definition';
import { recordDef } from '../records/registry';
import { statement } from '../search/statements';
import { hasCjk } from '../search/text';

/**
 * What an import can fill for one record type: the type's own fields (from its record definition
 * and its create schema), link fields that name another record (accountName -> accountId, resolved
 * by name), and the natural keys an import matches existing records by.
 */

export interface LinkField {
  field: string;
  /** The record field it fills. */
  target: string;
  /** The id for a name, or null when there is none. */
  resolve(db: Db, name: string): string | null;
  /** Names not found yet may be records further down the same file (a parent company): retried at the end. */
  deferred?: boolean;
}

export interface ImportDef {
  type: RecordType;
  links: LinkField[];
  /** Natural keys an import can match existing records by. */
  matchKeys: Record<string, MatchKey>;
  /** Header words (lower case, no spaces or punctuation) that suggest each field. */
  synonyms: Record<string, string[]>;
  /** A "full name" column, split into first and last name (姓名: the first character is the family name). */
  fullName?: boolean;
  /**
   * Values that are rows beside the record rather than its fields (a deal's product becomes its line
   * item): taken out of the row before the record rules run; the returned function writes them once
   * the record is stored.
   */
  beside?(db: Db, raw: Values, existingId: string | null): ((id: string) => void) | null;
  /** What `beside` replaces on a stored record, read before the import writes and put back by its undo. */
  besideUndo?: { read(db: Db, id: string): unknown; restore(db: Db, id: string, saved: unknown): void };
}

const accountByName: LinkField['resolve'] = (db, name) => {
  // Equality on the name index, then the exact spelling and the oldest first, in JS: an ORDER BY here
  // could lead the planner to walk a whole date index instead.
  const rows = statement(db, 'SELECT id, name, created_at FROM accounts WHERE name_key = ? AND deleted_at IS NULL LIMIT 20').all(searchKey(name)) as {
    id: string;
    name: string;
    created_at: string;
  }[];
  return oldestFirst(rows, (row) => row.name === name.trim())?.id ?? null;
};

function oldestFirst<T extends { id: string; created_at: string }>(rows: T[], preferred: (row: T) => boolean = () => false): T | undefined {
  return [...rows].sort((a, b) => Number(preferred(b)) - Number(preferred(a)) || a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id))[0];
}

const userByName: LinkField['resolve'] = (db, name) => {
  const row = statement(
    db,
    `SELECT id FROM users WHERE active = 1 AND (username = @name COLLATE NOCASE OR display_name = @name COLLATE NOCASE)
     ORDER BY (username = @name COLLATE NOCASE) DESC, created_at LIMIT 1`,
  ).get({ name: name.trim() }) as { id: string } | undefined;
  return row?.id ?? null;
};

/**
 * A natural key: the column holding it and how a cell's value becomes what the column holds. An
 * import looks a whole batch of keys up in one query; when several live records share a key, the
 * oldest is the match.
 */
export interface MatchKey {
  column: string;
  /** The column's value for a field value (an account name -> its name key). */
  key(value: unknown): string;
  /** The column compares without case (COLLATE NOCASE), so the import's own lookups must too. */
  nocase?: boolean;
}

const EXTERNAL_ID: MatchKey = { column: 'external_id', key: String };
const EMAIL: MatchKey = { column: 'email', key: String, nocase: true };
const NAME_KEY: MatchKey = { column: 'name_key', key: (value) => searchKey(String(value)) };

/** The identity of a key inside one import (two rows of the same file with the same key are one record). */
export function keyIdentity(match: MatchKey, columnValue: string): string {
  return match.nocase ? columnValue.toLowerCase() : columnValue;
}

/**
 * The live records of `table` with these keys, in one query: identity -> the full row of the
 * oldest record with that key.
 */
export function findByKeys(db: Db, table: string, match: MatchKey, keys: string[]): Map<string, Record<string, unknown>> {
  const found = new Map<string, Record<string, unknown>>();
  if (keys.length === 0) return found;
  const rows = statement(db, `SELECT * FROM ${table} WHERE ${match.column} IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL`).all(
    JSON.stringify(keys),
  ) as (Record<string, unknown> & { id: string; created_at: string })[];
  for (const row of rows) {
    const identity = keyIdentity(match, String(row[match.column]));
    const current = found.get(identity) as { id: string; created_at: string } | undefined;
    if (!current || oldestFirst([current, row])!.id === row.id) found.set(identity, row);
  }
  return found;
}

const productByName: LinkField['resolve'] = (db, name) =>
  (statement(db, 'SELECT id FROM products WHERE name_key = ? OR code = ? COLLATE NOCASE ORDER BY (name_key = ?) DESC, created_at LIMIT 1')
    .pluck()
    .get(searchKey(name), name.trim(), searchKey(name)) as string | undefined) ?? null;

/**
 * A deal's product: one line item (quantity 1, at the row's amount or else the list price), whose
 * total is then the deal's amount, as opportunities.create does with line items.
 */
const productLine: ImportDef['beside'] = (db, raw, existingId) => {
  const productId = raw.productId as string | undefined;
  delete raw.productId;
  if (!productId) return null;
  const unitPrice = typeof raw.amount === 'number' ? raw.amount : undefined;
  const lines = resolveLineItems(db, [{ productId, quantity: 1, discountPct: 0, ...(unitPrice === undefined ? {} : { unitPrice }) }], 'productName', existingId);
  const total = linesTotal(lines);
  // A new deal is created with its amount; a stored one's amount follows its line items, set with
  // them below (the deal's own rules refuse an amount typed over line items).
  if (existingId === null) raw.amount = toMajorUnits(total);
  else delete raw.amount;
  return (id) => {
    writeLineItems(db, id, lines);
    statement(db, 'UPDATE opportunities SET has_line_items = 1, amount = ? WHERE id = ?').run(total, id);
  };
};

const OWNER: LinkField = { field: 'ownerName', target: 'ownerId', resolve: userByName };
const ACCOUNT: LinkField = { field: 'accountName', target: 'accountId', resolve: accountByName };

const PERSON_SYNONYMS: Record<string, string[]> = {
  fullName: ['name', 'fullname', 'contactname', 'contact', '姓名', '联系人', '名字', '全名'],
  firstName: ['firstname', 'givenname', 'forename', 'first', '名'],
  lastName: ['lastname', 'surname', 'familyname', 'last', '姓', '姓氏'],
  email: ['email', 'emailaddress', 'mail', 'e-mail', '邮箱', '电子邮件', '电子邮箱', '邮件'],
  phone: ['phone', 'telephone', 'tel', 'phonenumber', 'workphone', 'businessphone', '电话', '联系电话', '座机', '办公电话'],
  mobile: ['mobile', 'cell', 'cellphone', 'mobilephone', '手机', '手机号', '手机号码', '移动电话'],
  title: ['title', 'jobtitle', 'position', 'role', '职位', '职务', '头衔'],
  city: ['city', 'town', '城市'],
  country: ['country', 'nation', '国家', '国家地区'],
  address: ['address', 'street', 'mailingaddress', '地址', '通讯地址'],
  notes: ['notes', 'note', 'comments', 'comment', 'remarks', '备注', '说明'],
  ownerName: ['owner', 'salesrep', 'salesagent', 'agent', 'accountowner', 'assignedto', '负责人', '销售', '销售代表', '所有者'],
  externalId: ['id', 'externalid', 'recordid', 'contactid', '编号', '外部编号'],
};

export const importDefs: Record<string, ImportDef> = {
  contacts: {
    type: 'contacts',
    links: [ACCOUNT, OWNER],
    matchKeys: { email: EMAIL, externalId: EXTERNAL_ID },
    fullName: true,
    synonyms: {
      ...PERSON_SYNONYMS,
      accountName: ['company', 'account', 'accountname', 'companyname', 'organization', 'organisation', 'employer', '公司', '公司名称', '单位', '客户', '客户名称', '企业'],
    },
  },
  accounts: {
    type: 'accounts',
    links: [{ field: 'parentName', target: 'parentId', resolve: accountByName, deferred: true }, OWNER],
    matchKeys: { name: NAME_KEY, externalId: EXTERNAL_ID },
    synonyms: {
      name: ['name', 'account', 'accountname', 'company', 'companyname', 'organization', 'organisation', '公司', '公司名称', '客户', '客户名称', '名称', '企业名称'],
      industry: ['industry', 'sector', 'vertical', '行业', '所属行业'],
      type: ['type', 'accounttype', '类型', '客户类型'],
      website: ['website', 'web', 'url', 'homepage', 'site', '网站', '网址', '主页'],
      phone: ['phone', 'telephone', 'tel', '电话', '联系电话'],
      email: ['email', 'mail', '邮箱', '电子邮件'],
      address: ['address', 'street', '地址'],
      city: ['city', '城市'],
      country: ['country', 'officelocation', 'headquarters', 'hq', 'location', '国家', '总部'],
      annualRevenue: ['revenue', 'annualrevenue', 'turnover', 'sales', '年收入', '营收', '营业额', '收入'],
      employees: ['employees', 'headcount', 'staff', 'numberofemployees', '员工', '员工人数', '人数'],
      parentName: ['parent', 'parentcompany', 'parentaccount', 'subsidiaryof', 'holding', '母公司', '上级公司', '总公司'],
      description: ['description', 'about', 'notes', '描述', '简介', '备注'],
      ownerName: PERSON_SYNONYMS.ownerName!,
      externalId: ['id', 'externalid', 'accountid', 'companyid', '编号', '客户编号'],
    },
  },
  activities: {
    type: 'activities',
    links: [OWNER],
    matchKeys: { externalId: EXTERNAL_ID },
    synonyms: {
      type: ['type', 'activitytype', '类型'],
      subject: ['subject', 'title', 'summary', '主题', '标题'],
      body: ['body', 'description', 'notes', 'details', '内容', '描述', '备注'],
      dueAt: ['due', 'duedate', 'dueat', 'deadline', '截止', '截止日期'],
      startAt: ['start', 'startdate', 'startat', 'begins', '开始', '开始时间'],
      endAt: ['end', 'enddate', 'endat', '结束', '结束时间'],
      status: ['status', 'state', '状态'],
      priority: ['priority', '优先级'],
      ownerName: PERSON_SYNONYMS.ownerName!,
      externalId: ['id', 'externalid', 'activityid', '编号'],
    },
  },
  opportunities: {
    type: 'opportunities',
    links: [ACCOUNT, OWNER, { field: 'productName', target: 'productId', resolve: productByName }],
    beside: productLine,
    besideUndo: {
      read: (db, id) => storedLineItems(db, id),
      restore: (db, id, saved) => writeLineItems(db, id, saved as ResolvedLine[]),
    },
    matchKeys: { name: NAME_KEY, externalId: EXTERNAL_ID },
    synonyms: {
      name: ['name', 'deal', 'dealname', 'opportunity', 'opportunityname', '名称', '商机', '商机名称'],
      stage: ['stage', 'dealstage', 'salesstage', 'status', '阶段', '销售阶段'],
      amount: ['amount', 'value', 'closevalue', 'dealvalue', 'revenue', '金额'],
      closeDate: ['closedate', 'close', 'expectedclose', '结束日期', '成交日期'],
      engageDate: ['engagedate', 'startdate', 'opened', '开始日期'],
      probability: ['probability', '概率', '赢率'],
      lostReason: ['lostreason', 'reason', '丢单原因'],
      description: ['description', 'notes', '描述', '备注'],
      accountName: ['account', 'accountname', 'company', 'customer', '客户', '公司'],
      ownerName: PERSON_SYNONYMS.ownerName!,
      productName: ['product', 'productname', 'item', 'sku', '产品', '产品名称'],
      externalId: ['id', 'externalid', 'opportunityid', 'dealid', '编号'],
    },
  },
  leads: {
    type: 'leads',
    links: [OWNER],
    matchKeys: { email: EMAIL },
    fullName: true,
    synonyms: {
      ...PERSON_SYNONYMS,
      company: ['company', 'companyname', 'organization', 'account', '公司', '公司名称', '单位'],
      website: ['website', 'web', 'url', '网站'],
      source: ['source', 'leadsource', '来源', '线索来源'],
      status: ['status', 'leadstatus', '状态'],
      rating: ['rating', '评级'],
    },
  },
};

export function importDef(type: string): ImportDef | undefined {
  return importDefs[type];
}

export interface ImportFieldInfo {
  field: string;
  kind: FieldKind | 'link' | 'fullName' | 'externalId';
  required: boolean;
  values?: string[];
}

/** The create schema of the type's `T.create` method: the one validation every record goes through. */
export function createSchema(type: RecordType): z.ZodType | undefined {
  return (methods as Record<string, { input: z.ZodType }>)[`${type}.create`]?.input;
}

type AnySchema = { def?: { type?: string }; unwrap?: () => AnySchema; options?: unknown[]; isOptional?: () => boolean };

function shapeOf(schema: z.ZodType | undefined): Record<string, AnySchema> {
  return ((schema as unknown as { shape?: Record<string, AnySchema> })?.shape ?? {}) as Record<string, AnySchema>;
}

/** An enum field's values, found through optional/nullable wrappers. */
function enumValues(schema: AnySchema | undefined): string[] | undefined {
  let current = schema;
  for (let i = 0; i < 5 && current; i++) {
    if (current.def?.type === 'enum' && Array.isArray(current.options)) return current.options as string[];
    current = typeof current.unwrap === 'function' ? current.unwrap() : undefined;
  }
  return undefined;
}

/** Every field an import of this type can fill. */
export function importFields(type: RecordType): ImportFieldInfo[] {
  const def = recordDef(type);
  const idef = importDef(type);
  if (!def || !idef) return [];
  const shape = shapeOf(createSchema(type));
  const fields: ImportFieldInfo[] = [];
  for (const [name, field] of Object.entries(allFields(def))) {
    if (field.readOnly || !(name in shape)) continue;
    const spec = shape[name]!;
    const values = field.kind === 'enum' ? enumValues(spec) : undefined;
    fields.push({ field: name, kind: field.kind, required: !(spec.isOptional?.() ?? true), ...(values ? { values } : {}) });
  }
  for (const link of idef.links) fields.push({ field: link.field, kind: 'link', required: false });
  if (idef.fullName) fields.push({ field: 'fullName', kind: 'fullName', required: false });
  if (hasExternalId(def)) fields.push({ field: 'externalId', kind: 'externalId', required: false });
  return fields;
}

const externalIdTables = new Set(['accounts', 'contacts', 'activities', 'opportunities']);
export function hasExternalId(def: RecordDef): boolean {
  return externalIdTables.has(def.table);
}

/** Two-character Chinese family names; every other Chinese name's family name is its first character. */
const COMPOUND_SURNAMES = new Set(['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '令狐', '端木', '独孤', '南宫', '西门', '轩辕', '澹台']);

/** "王伟" -> 王 + 伟; "Ann Marie Lee" -> Ann Marie + Lee; "Lee, Ann" -> Ann + Lee. */
export function splitFullName(full: string): { firstName: string | null; lastName: string } {
  const text = full.trim().replace(/\s+/g, ' ');
  if (hasCjk(text) && !text.includes(' ')) {
    const chars = [...text];
    const familyLength = chars.length > 2 && COMPOUND_SURNAMES.has(chars.slice(0, 2).join('')) ? 2 : 1;
    const rest = chars.slice(familyLength).join('');
    return { lastName: chars.slice(0, familyLength).join(''), firstName: rest || null };
  }
  if (text.includes(',')) {
    const [last, first] = text.split(',', 2).map((s) => s.trim());
    return { lastName: last!, firstName: first || null };
  }
  const words = text.split(' ');
  if (words.length === 1) return { lastName: text, firstName: null };
  return { lastName: words[words.length - 1]!, firstName: words.slice(0, -1).join(' ') };
}
