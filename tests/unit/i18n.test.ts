import { describe, expect, it } from 'vitest';
import { en } from '../../renderer/src/i18n/en';
import { pickLanguage } from '../../renderer/src/i18n/languages';
import { zhCN } from '../../renderer/src/i18n/zh-CN';

type Tree = { [key: string]: string | Tree };

/** Every leaf as `dotted.key → value`, so two languages can be compared key by key. */
function flatten(tree: Tree, prefix = ''): Map<string, unknown> {
  const leaves = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object') {
      for (const [leafPath, leaf] of flatten(value, path)) leaves.set(leafPath, leaf);
    } else {
      leaves.set(path, value);
    }
  }
  return leaves;
}

const languages = { en: flatten(en), 'zh-CN': flatten(zhCN) };

function placeholders(text: unknown): string[] {
  return [...String(text).matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]!).sort();
}

describe('translations', () => {
  it('every English key exists in Simplified Chinese', () => {
    const missing = [...languages.en.keys()].filter((key) => !languages['zh-CN'].has(key));
    expect(missing).toEqual([]);
  });

  it('every Simplified Chinese key exists in English', () => {
    const extra = [...languages['zh-CN'].keys()].filter((key) => !languages.en.has(key));
    expect(extra).toEqual([]);
  });

  it('no value is empty in either language', () => {
    for (const [language, leaves] of Object.entries(languages)) {
      const empty = [...leaves].filter(([, value]) => typeof value !== 'string' || value.trim() === '');
      expect(empty.map(([key]) => `${language}: ${key}`)).toEqual([]);
    }
  });

  it('both languages use the same {{placeholders}} in each message', () => {
    const differing = [...languages.en].filter(
      ([key, value]) => placeholders(value).join() !== placeholders(languages['zh-CN'].get(key)).join(),
    );
    expect(differing.map(([key]) => key)).toEqual([]);
  });
});

describe('first-use language', () => {
  it('follows a Chinese browser to zh-CN, whatever the region', () => {
    expect(pickLanguage(null, 'zh-CN')).toBe('zh-CN');
    expect(pickLanguage(null, 'zh-TW')).toBe('zh-CN');
    expect(pickLanguage(null, 'zh')).toBe('zh-CN');
  });

  it('gives every other browser English', () => {
    expect(pickLanguage(null, 'en-GB')).toBe('en');
    expect(pickLanguage(null, 'fr')).toBe('en');
    expect(pickLanguage(null, undefined)).toBe('en');
  });

  it('keeps the choice the user made, and ignores a stored value it does not know', () => {
    expect(pickLanguage('en', 'zh-CN')).toBe('en');
    expect(pickLanguage('zh-CN', 'en-US')).toBe('zh-CN');
    expect(pickLanguage('klingon', 'zh-CN')).toBe('zh-CN');
  });
});
