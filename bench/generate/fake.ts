import type { Prng } from './prng';
import {
  CHINESE_BRANDS,
  CHINESE_COMPANY_SUFFIXES,
  CHINESE_COMPANY_TRADES,
  ENGLISH_COMPANY_NOUNS,
  ENGLISH_COMPANY_ROOTS,
  ENGLISH_COMPANY_SUFFIXES,
} from './words-companies';
import { CHINESE_GIVEN_NAMES, CHINESE_SURNAMES, ENGLISH_FIRST_NAMES, ENGLISH_LAST_NAMES } from './words-people';
import { CHINESE_DISTRICTS, CHINESE_ROADS, ENGLISH_STREETS, type City } from './words-places';

export interface PersonName {
  firstName: string;
  lastName: string;
  /** ASCII "first.last" for e-mail addresses and usernames (pinyin for Chinese names). */
  handle: string;
  /** As people write it: "Maria Lopez", "王芳". */
  displayName: string;
}

/** Letters and digits only, lower case: "Jiménez" -> "jimenez", "O'Brien" -> "obrien". */
export function ascii(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '');
}

export function personName(random: Prng, chinese: boolean): PersonName {
  if (chinese) {
    const [last, lastPinyin] = random.pick(CHINESE_SURNAMES);
    const [first, firstPinyin] = random.pick(CHINESE_GIVEN_NAMES);
    return { firstName: first, lastName: last, handle: `${firstPinyin}.${lastPinyin}`, displayName: `${last}${first}` };
  }
  const first = random.pick(ENGLISH_FIRST_NAMES);
  const last = random.pick(ENGLISH_LAST_NAMES);
  return { firstName: first, lastName: last, handle: `${ascii(first)}.${ascii(last)}`, displayName: `${first} ${last}` };
}

export interface CompanyName {
  name: string;
  /** A plausible domain for its website and staff e-mail addresses. */
  domain: string;
}

export function companyName(random: Prng, city: City): CompanyName {
  if (city.chinese) {
    const [brand, pinyin] = random.pick(CHINESE_BRANDS);
    const trade = random.pick(CHINESE_COMPANY_TRADES);
    const prefix = random.chance(0.6) ? city.name : '';
    return { name: `${prefix}${brand}${trade}${random.pick(CHINESE_COMPANY_SUFFIXES)}`, domain: `${pinyin}${random.int(1, 999)}.com.cn` };
  }
  const root = random.pick(ENGLISH_COMPANY_ROOTS);
  const noun = random.pick(ENGLISH_COMPANY_NOUNS);
  const suffix = random.pick(ENGLISH_COMPANY_SUFFIXES);
  const name = suffix ? `${root} ${noun} ${suffix}` : `${root} ${noun}`;
  return { name, domain: `${ascii(root)}-${ascii(noun)}${random.int(1, 999)}.com` };
}

/** A number in E.164, as the app stores phones after normalising them. */
export function phoneIn(random: Prng, city: City, mobile: boolean): string {
  return mobile ? city.mobile + random.digits(city.mobileDigits) : city.landline + random.digits(city.landlineDigits);
}

export function addressIn(random: Prng, city: City): string {
  if (city.chinese) return `${random.pick(CHINESE_DISTRICTS)}${random.pick(CHINESE_ROADS)}${random.int(1, 999)}号`;
  return `${random.int(1, 2500)} ${random.pick(ENGLISH_STREETS)}`;
}
