/**
 * Text similarity for possible-duplicate cases, without word segmentation so that it works for
 * Chinese as for English: text is normalised (NFKC, lower case, punctuation gone), then cut into
 * features — character bigrams inside runs of CJK characters, character trigrams of lightly
 * stemmed words elsewhere (bigrams of Latin text match almost anything) — and two texts score the
 * cosine of their feature sets (Otsuka–Ochiai): 1 for the same features, 0 for none shared.
 */

const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/u;
const RUNS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+|[\p{L}\p{N}]+/gu;
const CASE_TOKEN = /\[case-\d+\]/gi;
/** Words that say nothing about the problem (greetings, pronouns, auxiliaries, mail prefixes). */
const STOPWORDS = new Set(
  (
    'a an and are as at be been but by can cannot could dear did do does for from had has have hello hi how i ' +
    'if in is it its me my no not of on or our please re fw fwd so still than thank thanks that the their them ' +
    'there this to us was we were what when which who will with would you your again also just any all some get got'
  ).split(' '),
);
/** How much of a long text is compared: the start of a message says what it is about. */
const MAX_CHARS = 2000;

/** A light English stemmer: printing/printed/prints -> print, jamming -> jam. Enough to match rewordings. */
function stem(word: string): string {
  let w = word;
  for (const suffix of ['ing', 'ed', 'es', 's', 'ly']) {
    if (w.length - suffix.length >= 3 && w.endsWith(suffix)) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  if (w.length >= 4 && w[w.length - 1] === w[w.length - 2] && !/[lsz]/.test(w[w.length - 1]!)) w = w.slice(0, -1);
  return w;
}

export function normalizeForSimilarity(text: string): string {
  return text.slice(0, MAX_CHARS).normalize('NFKC').toLowerCase().replace(CASE_TOKEN, ' ');
}

/** The feature set of a text (see the file comment). */
export function textFeatures(text: string): Set<string> {
  const features = new Set<string>();
  for (const run of normalizeForSimilarity(text).match(RUNS) ?? []) {
    if (CJK_RUN.test(run)) {
      const chars = [...run];
      if (chars.length === 1) features.add(chars[0]!);
      for (let i = 0; i + 1 < chars.length; i++) features.add(chars[i]! + chars[i + 1]!);
      continue;
    }
    if (STOPWORDS.has(run)) continue;
    const word = ` ${stem(run)} `;
    if (word.length <= 4) {
      features.add(word);
      continue;
    }
    for (let i = 0; i + 3 <= word.length; i++) features.add(word.slice(i, i + 3));
  }
  return features;
}

/** Cosine similarity of two feature sets, 0-1. */
export function featureSimilarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const feature of small) if (large.has(feature)) shared++;
  return shared / Math.sqrt(a.size * b.size);
}

export interface CaseText {
  subject: string;
  description: string | null;
}

/** A case's text cut into features once, to compare against many candidates. */
export interface CaseFeatures {
  subject: Set<string>;
  whole: Set<string>;
}

export function caseFeatures(c: CaseText): CaseFeatures {
  return { subject: textFeatures(c.subject), whole: textFeatures(`${c.subject} ${c.description ?? ''}`) };
}

/** How alike two cases read: the better of subject-to-subject and whole-text-to-whole-text, rounded to 3 places. */
export function featuresSimilarity(a: CaseFeatures, b: CaseFeatures): number {
  const score = Math.max(featureSimilarity(a.subject, b.subject), featureSimilarity(a.whole, b.whole));
  return Math.round(score * 1000) / 1000;
}

export function caseSimilarity(a: CaseText, b: CaseText): number {
  return featuresSimilarity(caseFeatures(a), caseFeatures(b));
}
