import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CallContext } from '../../electron/core/context';
import type { TestBackend } from './backend';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The Maven CRM sample (85 accounts, 35 agents under 6 managers, 7 products, 8,800 deals), read
 * where CI puts it: `shared/` beside the repository. The files are never edited: their flaws are
 * handled here, in code.
 */
export const MAVEN_DIR = join(repoRoot, '..', 'shared', 'datasets', 'maven-crm');

export interface MavenTeamRow {
  sales_agent: string;
  manager: string;
  regional_office: string;
}
export interface MavenAccountRow {
  account: string;
  sector: string;
  year_established: string;
  revenue: string;
  employees: string;
  office_location: string;
  subsidiary_of: string;
}
export interface MavenProductRow {
  product: string;
  series: string;
  sales_price: string;
}
export interface MavenDealRow {
  opportunity_id: string;
  sales_agent: string;
  product: string;
  account: string;
  deal_stage: 'Prospecting' | 'Engaging' | 'Won' | 'Lost';
  engage_date: string;
  close_date: string;
  close_value: string;
}

export interface MavenData {
  teams: MavenTeamRow[];
  accounts: MavenAccountRow[];
  products: MavenProductRow[];
  deals: MavenDealRow[];
}

function readCsv<T>(file: string): T[] {
  const parsed = Papa.parse<T>(readFileSync(join(MAVEN_DIR, file), 'utf8'), { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0) throw new Error(`${file}: ${parsed.errors.map((e) => `row ${e.row}: ${e.message}`).join('; ')}`);
  return parsed.data;
}

export function readMaven(): MavenData {
  return {
    teams: readCsv<MavenTeamRow>('sales_teams.csv'),
    accounts: readCsv<MavenAccountRow>('accounts.csv'),
    products: readCsv<MavenProductRow>('products.csv'),
    deals: readCsv<MavenDealRow>('sales_pipeline.csv'),
  };
}

/** The export's known misspellings, by column: the deals say `GTXPro` for the product `GTX Pro`. */
const PRODUCT_NAMES: Record<string, string> = { GTXPro: 'GTX Pro' };
const SECTORS: Record<string, string> = { technolgy: 'technology' };
const COUNTRIES: Record<string, string> = { Philipines: 'Philippines' };

export const productName = (name: string) => PRODUCT_NAMES[name] ?? name;

/** "Mei-Mei Johns" -> "mei-mei.johns": a username the users schema accepts. */
export const usernameOf = (name: string) => name.toLowerCase().replace(/\s+/g, '.').replace(/[^\p{L}\p{N}._@-]/gu, '');

export const MAVEN_PASSWORD = 'maven-sample-1';
export const MAVEN_STAGES = [
  { name: 'Prospecting', kind: 'open', probability: 10 },
  { name: 'Engaging', kind: 'open', probability: 40 },
  { name: 'Won', kind: 'won' },
  { name: 'Lost', kind: 'lost' },
] as const;
/** The export records no reason for its lost deals; the CRM requires one. */
export const MAVEN_LOST_REASON = 'Not recorded in the Maven export';
const BATCH = 1000;

export interface LoadedMaven {
  data: MavenData;
  pipelineId: string;
  /** By the names the CSV files use. */
  userIds: Map<string, string>;
  accountIds: Map<string, string>;
  productIds: Map<string, string>;
  dealsMs: number;
}

/**
 * Loads the sample through the API as the administrator: managers and their agents as users, a
 * pipeline with the export's stages, products, accounts with their parent companies, then every deal
 * with its product as a line item (closed deals at their close value, open ones at list price) in
 * batches of `opportunities.createMany` (each deal checked as a single create would be).
 */
export async function loadMaven(t: TestBackend, data = readMaven()): Promise<LoadedMaven> {
  const call = <T = any>(method: string, input: unknown, ctx: CallContext = t.admin) => t.backend.call(ctx, method, input) as Promise<T>; // eslint-disable-line @typescript-eslint/no-explicit-any

  const userIds = new Map<string, string>();
  const createUser = async (name: string, role: 'manager' | 'sales', managerId?: string) => {
    const user = await call<{ id: string }>('users.create', { username: usernameOf(name), displayName: name, password: MAVEN_PASSWORD, role, managerId });
    userIds.set(name, user.id);
  };
  // Password hashing dominates user creation: hash in parallel, the writes queue up anyway.
  await Promise.all([...new Set(data.teams.map((row) => row.manager))].map((name) => createUser(name, 'manager')));
  await Promise.all(data.teams.map((row) => createUser(row.sales_agent, 'sales', userIds.get(row.manager))));

  const pipeline = await call<{ id: string }>('pipelines.create', { name: 'Maven', stages: MAVEN_STAGES });

  const productIds = new Map<string, string>();
  const listPrice = new Map<string, number>();
  for (const row of data.products) {
    const product = await call<{ id: string }>('products.create', { name: row.product, family: row.series, listPrice: Number(row.sales_price) });
    productIds.set(row.product, product.id);
    listPrice.set(row.product, Number(row.sales_price));
  }

  // Parents first, so children can name them.
  const accountIds = new Map<string, string>();
  const ordered = [...data.accounts].sort((a, b) => Number(Boolean(a.subsidiary_of)) - Number(Boolean(b.subsidiary_of)));
  for (const row of ordered) {
    const parentId = row.subsidiary_of ? accountIds.get(row.subsidiary_of) : undefined;
    if (row.subsidiary_of && !parentId) throw new Error(`${row.account}: parent ${row.subsidiary_of} is not in accounts.csv`);
    const account = await call<{ id: string }>('accounts.create', {
      name: row.account,
      industry: SECTORS[row.sector] ?? row.sector,
      // Revenue is in millions of USD.
      annualRevenue: Math.round(Number(row.revenue) * 1_000_000),
      employees: Number(row.employees),
      country: COUNTRIES[row.office_location] ?? row.office_location,
      description: `Established ${row.year_established}`,
      parentId,
      type: 'customer',
    });
    accountIds.set(row.account, account.id);
  }

  const items = data.deals.map((row) => {
    const product = productName(row.product);
    const productId = productIds.get(product);
    const ownerId = userIds.get(row.sales_agent);
    if (!productId || !ownerId) throw new Error(`deal ${row.opportunity_id}: unknown product ${row.product} or agent ${row.sales_agent}`);
    const closed = row.deal_stage === 'Won' || row.deal_stage === 'Lost';
    return {
      name: `${row.account || 'Prospect'}: ${product}`,
      description: `Maven CRM ${row.opportunity_id}`,
      pipelineId: pipeline.id,
      stage: row.deal_stage,
      ownerId,
      accountId: row.account ? accountIds.get(row.account) : null,
      engageDate: row.engage_date || null,
      closeDate: row.close_date || null,
      lostReason: row.deal_stage === 'Lost' ? MAVEN_LOST_REASON : null,
      lineItems: [{ productId, quantity: 1, unitPrice: closed ? Number(row.close_value) : listPrice.get(product) }],
    };
  });
  const started = performance.now();
  for (let i = 0; i < items.length; i += BATCH) await call('opportunities.createMany', { items: items.slice(i, i + BATCH) });
  return { data, pipelineId: pipeline.id, userIds, accountIds, productIds, dealsMs: performance.now() - started };
}
