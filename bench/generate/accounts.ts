import type { Db } from '../../electron/core/db/open';
import { accountDef } from '../../electron/core/records/types/accounts';
import { appRowMaker } from './app-rows';
import { addressIn, companyName, phoneIn } from './fake';
import { REFERENCE_TIME, TABLE_TAG, createdAtMs, iso } from './ids';
import { WeightedPick } from './prng';
import { updatedAtMs, type GenState } from './state';
import { ACCOUNT_DESCRIPTIONS, INDUSTRIES } from './words-companies';
import { CITIES } from './words-places';

const TYPES = new WeightedPick(['prospect', 'customer', 'partner', 'former_customer', null], [35, 42, 8, 8, 7]);
/** About a third of the customers are in Greater China. */
const CITY_PICK = new WeightedPick(
  CITIES.map((_, i) => i),
  CITIES.map((city) => (city.chinese ? 2.2 : 1)),
);

/** Row `i` of accounts; remembers owner, city and domain for the contacts that work there. */
export function accountRows(db: Db, state: GenState): (i: number) => Record<string, unknown> {
  const random = state.random(TABLE_TAG.accounts);
  const toRow = appRowMaker(db, accountDef);
  const count = state.counts.accounts;
  return (i) => {
    const created = createdAtMs(TABLE_TAG.accounts, i, count);
    const cityIndex = CITY_PICK.draw(random);
    const city = CITIES[cityIndex]!;
    const company = companyName(random, city);
    const owner = state.owners.draw(random);
    const updated = updatedAtMs(random, created, REFERENCE_TIME);
    state.accountOwner[i] = owner;
    state.accountCity[i] = cityIndex;
    state.accountDomain[i] = company.domain;
    const ownerId = state.ownerId(owner);
    return toRow(
      {
        id: state.accountId(i),
        name: company.name,
        industry: random.chance(0.9) ? random.pick(INDUSTRIES) : null,
        type: TYPES.draw(random),
        website: random.chance(0.7) ? `https://www.${company.domain}` : null,
        phone: random.chance(0.8) ? phoneIn(random, city, false) : null,
        email: random.chance(0.5) ? `${random.pick(['info', 'sales', 'contact', 'office'])}@${company.domain}` : null,
        address: random.chance(0.6) ? addressIn(random, city) : null,
        city: random.chance(0.95) ? city.name : null,
        country: city.country,
        annualRevenue: random.chance(0.5) ? random.logUniform(100_000, 500_000_000) : null,
        employees: random.chance(0.7) ? random.logUniform(1, 50_000) : null,
        // Some accounts sit below an older one (a subsidiary): parents come earlier, so no cycles.
        parentId: i > 10 && random.chance(0.08) ? state.accountId(Math.floor(random.next() * i)) : null,
        description: random.chance(0.15) ? random.pick(ACCOUNT_DESCRIPTIONS) : null,
        ownerId,
        createdAt: iso(created),
        updatedAt: iso(updated),
        createdBy: ownerId,
        updatedBy: ownerId,
        version: updated === created ? 1 : random.int(2, 6),
        deletedAt: null,
      },
      created,
    );
  };
}
