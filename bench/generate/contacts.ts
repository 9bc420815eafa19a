import type { Db } from '../../electron/core/db/open';
import { contactDef } from '../../electron/core/records/types/contacts';
import { appRowMaker } from './app-rows';
import { addressIn, personName, phoneIn } from './fake';
import { REFERENCE_TIME, TABLE_TAG, createdAtMs, iso } from './ids';
import { updatedAtMs, type GenState } from './state';
import { CHINESE_MAIL_DOMAINS, CHINESE_TITLES, ENGLISH_TITLES, FREE_MAIL_DOMAINS } from './words-people';
import { CITIES } from './words-places';

const NOTES = ['Met at the trade fair.', 'Prefers WeChat.', 'Assistant: ask for Julia.', '只在上午接电话。', 'Do not call on Fridays.'];

/** Row `i` of contacts: most work at an account (and live in its city); remembers the owner for activities. */
export function contactRows(db: Db, state: GenState): (i: number) => Record<string, unknown> {
  const random = state.random(TABLE_TAG.contacts);
  const toRow = appRowMaker(db, contactDef);
  const { counts } = state;
  return (i) => {
    const created = createdAtMs(TABLE_TAG.contacts, i, counts.contacts);
    const account = random.chance(0.88) ? state.earlier(random, i, counts.contacts, counts.accounts) : -1;
    const city = CITIES[account >= 0 ? state.accountCity[account]! : random.int(0, CITIES.length - 1)]!;
    const chinese = city.chinese ? random.chance(0.9) : random.chance(0.08);
    const name = personName(random, chinese);
    const firstName = random.chance(0.97) ? name.firstName : null;
    // Contacts usually belong to whoever owns their account.
    const owner = account >= 0 && random.chance(0.8) ? state.accountOwner[account]! : state.owners.draw(random);
    state.contactOwner[i] = owner;
    const domain =
      account >= 0 && random.chance(0.8) ? state.accountDomain[account]! : random.pick(chinese ? CHINESE_MAIL_DOMAINS : FREE_MAIL_DOMAINS);
    const updated = updatedAtMs(random, created, REFERENCE_TIME);
    const deletedAt = random.chance(0.005) ? iso(updated) : null;
    const id = state.contactId(i);
    const ownerId = state.ownerId(owner);
    const values = {
      id,
      firstName,
      lastName: name.lastName,
      title: random.chance(0.8) ? random.pick(chinese ? CHINESE_TITLES : ENGLISH_TITLES) : null,
      accountId: account >= 0 ? state.accountId(account) : null,
      email: random.chance(0.9) ? `${name.handle}${random.chance(0.3) ? random.int(1, 99) : ''}@${domain}` : null,
      phone: random.chance(0.6) ? phoneIn(random, city, false) : null,
      mobile: random.chance(0.5) ? phoneIn(random, city, true) : null,
      address: random.chance(0.3) ? addressIn(random, city) : null,
      city: city.name,
      country: city.country,
      notes: random.chance(0.1) ? random.pick(NOTES) : null,
      ownerId,
      createdAt: iso(created),
      updatedAt: iso(updated),
      createdBy: ownerId,
      updatedBy: ownerId,
      version: updated === created ? 1 : random.int(2, 5),
      deletedAt,
    };
    if (deletedAt) state.deleted.push({ table: 'contacts', id, title: contactDef.title(values), at: deletedAt, by: ownerId });
    return toRow(values, created);
  };
}
