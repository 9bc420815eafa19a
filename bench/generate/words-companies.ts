/** Parts of generated company names, industries and the text of activities. */

export const INDUSTRIES = [
  'Technology', 'Manufacturing', 'Retail', 'Healthcare', 'Finance', 'Education', 'Logistics', 'Construction', 'Hospitality',
  'Energy', 'Media', 'Agriculture', 'Legal', 'Real Estate', 'Telecommunications', 'Government', 'Non-profit', 'Automotive',
  'Food & Beverage', 'Consulting',
];

export const ENGLISH_COMPANY_ROOTS = [
  'Northwind', 'Blue Ridge', 'Summit', 'Evergreen', 'Redwood', 'Silver Lake', 'Ironbridge', 'Harbor', 'Pinnacle', 'Brightwater',
  'Oakmont', 'Crestview', 'Riverside', 'Granite', 'Lakeshore', 'Maple', 'Falcon', 'Horizon', 'Atlas', 'Vertex', 'Keystone',
  'Meridian', 'Sterling', 'Cascade', 'Beacon', 'Cobalt', 'Juniper', 'Willow', 'Orion', 'Apex', 'Copperfield', 'Highland',
  'Bayview', 'Stonegate', 'Westbrook', 'Eastgate', 'Clearwater', 'Fairfield', 'Goldcrest', 'Sunrise', 'Tidewater', 'Union',
  'Liberty', 'Pioneer', 'Frontier', 'Heritage', 'Cornerstone', 'Trident', 'Nova', 'Polaris', 'Zenith', 'Quantum', 'Sapphire',
  'Emerald', 'Oakridge', 'Kingsway', 'Lighthouse', 'Mosaic', 'Redstone', 'Aspen', 'Cypress', 'Hawthorne', 'Ridgeline',
  'Bluebird', 'Windmill', 'Anchor', 'Compass', 'Crown', 'Delta', 'Echo', 'Fjord', 'Glacier', 'Harvest', 'Ivy', 'Jade',
  'Kestrel', 'Lumen', 'Monarch', 'Nimbus', 'Opal', 'Prairie', 'Quarry', 'Rainier', 'Sequoia', 'Thistle', 'Umber', 'Vista',
];

export const ENGLISH_COMPANY_NOUNS = [
  'Logistics', 'Analytics', 'Systems', 'Foods', 'Engineering', 'Software', 'Design', 'Medical', 'Partners', 'Holdings',
  'Industries', 'Consulting', 'Labs', 'Solutions', 'Networks', 'Energy', 'Builders', 'Capital', 'Media', 'Robotics',
  'Textiles', 'Pharma', 'Hotels', 'Motors', 'Supply', 'Instruments', 'Dental', 'Bakery', 'Printing', 'Security',
];

export const ENGLISH_COMPANY_SUFFIXES = ['Inc', 'Ltd', 'LLC', 'GmbH', 'Co', 'Group', 'Corp', 'PLC', 'SA', ''];

/** [word, pinyin]: the brand part of a Chinese company name. */
export const CHINESE_BRANDS: readonly (readonly [string, string])[] = [
  ['华信', 'huaxin'], ['中天', 'zhongtian'], ['东方', 'dongfang'], ['长城', 'changcheng'], ['金桥', 'jinqiao'], ['远洋', 'yuanyang'],
  ['新世纪', 'xinshiji'], ['恒通', 'hengtong'], ['瑞丰', 'ruifeng'], ['宏达', 'hongda'], ['鼎盛', 'dingsheng'], ['天成', 'tiancheng'],
  ['嘉禾', 'jiahe'], ['锦华', 'jinhua'], ['明辉', 'minghui'], ['安泰', 'antai'], ['永新', 'yongxin'], ['博远', 'boyuan'],
  ['海川', 'haichuan'], ['联创', 'lianchuang'], ['智汇', 'zhihui'], ['星河', 'xinghe'], ['同德', 'tongde'], ['汇丰源', 'huifengyuan'],
  ['百川', 'baichuan'], ['正泰', 'zhengtai'], ['国信', 'guoxin'], ['云帆', 'yunfan'], ['龙腾', 'longteng'], ['光华', 'guanghua'],
  ['创新', 'chuangxin'], ['盛世', 'shengshi'], ['华美', 'huamei'], ['凯达', 'kaida'], ['腾飞', 'tengfei'], ['富源', 'fuyuan'],
];

export const CHINESE_COMPANY_TRADES = ['科技', '贸易', '制造', '物流', '电子', '医疗器械', '食品', '建设', '咨询', '软件', '新能源', '纺织', '传媒', '餐饮管理'];

export const CHINESE_COMPANY_SUFFIXES = ['有限公司', '股份有限公司', '集团有限公司'];

export const ACTIVITY_SUBJECTS: Record<'task' | 'call' | 'meeting' | 'email' | 'note', readonly string[]> = {
  task: ['Send proposal', 'Follow up on quote', 'Prepare contract', 'Send product brochure', 'Schedule a demo', 'Check payment status', '准备报价单', '跟进合同', '发送产品资料'],
  call: ['Intro call', 'Follow-up call', 'Pricing discussion', 'Support check-in', 'Renewal call', '电话回访', '电话沟通需求'],
  meeting: ['Product demo', 'Quarterly business review', 'Kick-off meeting', 'Site visit', 'Contract negotiation', '拜访客户', '季度回顾会议'],
  email: ['Re: quotation', 'Re: delivery schedule', 'Welcome pack sent', 'Re: invoice', 'Re: meeting notes', '回复：报价', '发送会议纪要'],
  note: ['Notes from visit', 'Budget approved for next year', 'Prefers contact by phone', 'Decision maker is the CFO', '客户对价格敏感', '下季度有采购计划'],
};

export const ACTIVITY_BODIES = [
  'Discussed pricing for the annual plan; they want a 10% discount for a three-year commitment.',
  'Left a voicemail, will try again on Thursday.',
  'They are comparing us with two other vendors. Decision expected by the end of the quarter.',
  'Sent the updated quote and the case study they asked for.',
  'Customer asked for an on-site training session for 12 people.',
  '客户希望下周安排一次产品演示，需要准备中文资料。',
  '已发送报价，客户表示会在月底前答复。',
  'Shipment delayed <2 days> because of customs — "no action needed" per the buyer.',
];

export const ACCOUNT_DESCRIPTIONS = [
  'Long-standing customer; renews every January.',
  'Came in through the trade fair in Hannover.',
  'Referred by an existing customer. Price sensitive.',
  '重点客户，年度采购量大。',
  'Subsidiary of a larger group; purchasing is centralised at head office.',
];
