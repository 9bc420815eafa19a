import type { ImportType } from './schemas/import';

/**
 * What an import's fields are called, in each language the wizard speaks: the one list the wizard's
 * mapping step shows and the server names fields by in the reasons of rejected rows, so a Chinese
 * office reads "邮箱：..." about the column it mapped to 邮箱. The words are the record pages' own;
 * a field that takes a record's id rather than its name says so where the pages have no word for it.
 */

/** The languages an import can write its reasons in (the UI's languages). */
export const IMPORT_LOCALES = ['en', 'zh-CN'] as const;
export type ImportLocale = (typeof IMPORT_LOCALES)[number];

type Label = Record<ImportLocale, string>;
const label = (en: string, zhCN: string): Label => ({ en, 'zh-CN': zhCN });

/** Fields called the same in every type that has them. */
const COMMON: Record<string, Label> = {
  ownerId: label('Owner (id)', '负责人（ID）'),
  name: label('Name', '名称'),
  firstName: label('First name', '名'),
  lastName: label('Last name', '姓'),
  fullName: label('Full name', '姓名（全名）'),
  email: label('Email', '邮箱'),
  phone: label('Phone', '电话'),
  mobile: label('Mobile', '手机'),
  website: label('Website', '网站'),
  address: label('Address', '地址'),
  city: label('City', '城市'),
  country: label('Country', '国家/地区'),
  notes: label('Notes', '备注'),
  description: label('Description', '描述'),
  type: label('Type', '类型'),
  status: label('Status', '状态'),
  source: label('Source', '来源'),
  accountName: label('Account (by name)', '客户（按名称）'),
  ownerName: label('Owner (by name or username)', '负责人（按姓名或用户名）'),
  parentName: label('Parent account (by name)', '母公司（按名称）'),
  productName: label('Product (by name or code)', '产品（按名称或编码）'),
  managerName: label('Manager (by name or username)', '经理（按姓名或用户名）'),
  externalId: label('External id', '外部编号'),
};

/** Fields a type calls its own way (a contact's account is 所属客户, a deal's is 客户). */
const BY_TYPE: Partial<Record<ImportType, Record<string, Label>>> = {
  accounts: {
    industry: label('Industry', '行业'),
    annualRevenue: label('Annual revenue', '年收入'),
    employees: label('Employees', '员工人数'),
    parentId: label('Parent account', '上级客户'),
  },
  contacts: {
    title: label('Job title', '职位'),
    accountId: label('Account', '所属客户'),
  },
  leads: {
    company: label('Company', '公司'),
    title: label('Title', '职位'),
    rating: label('Rating', '评级'),
  },
  opportunities: {
    accountId: label('Account', '客户'),
    pipelineId: label('Pipeline (id)', '销售流程（ID）'),
    stage: label('Stage', '阶段'),
    amount: label('Amount', '金额'),
    closeDate: label('Close date', '预计成交日期'),
    probability: label('Probability (%)', '赢率 (%)'),
    nextStep: label('Next step', '下一步'),
    lostReason: label('Lost reason', '输单原因'),
    engageDate: label('Engage date', '接洽日期'),
  },
  activities: {
    subject: label('Subject', '主题'),
    body: label('Notes', '内容'),
    dueAt: label('Due', '截止时间'),
    startAt: label('Starts', '开始时间'),
    endAt: label('Ends', '结束时间'),
    priority: label('Priority', '优先级'),
    relatedType: label('Related type', '关联类型'),
    relatedId: label('Related record (id)', '关联记录（ID）'),
    contactId: label('Contact', '联系人'),
  },
  users: {
    displayName: label('Display name', '显示名称'),
    username: label('Username', '用户名'),
    role: label('Role', '角色'),
    password: label('Password', '密码'),
  },
  products: {
    code: label('Code', '编码'),
    family: label('Family', '系列'),
    listPrice: label('List price', '标价'),
    active: label('Active', '启用'),
  },
};

/** Whether a field of this type has a label (import.types' every field must). */
export function hasImportFieldLabel(type: string, field: string): boolean {
  return Boolean(BY_TYPE[type as ImportType]?.[field] ?? COMMON[field]);
}

/** A field of an import of `type`, as the wizard names it in `locale`; the field's API name when it has no label. */
export function importFieldLabel(type: string, field: string, locale: ImportLocale): string {
  return (BY_TYPE[type as ImportType]?.[field] ?? COMMON[field])?.[locale] ?? field;
}
