import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { readStored, writeStored } from '../lib/storage';
import { en } from './en';
import { LANGUAGE_STORAGE_KEY, pickLanguage, type Language } from './languages';
import { zhCN } from './zh-CN';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}

// The lang attribute makes Chromium pick Simplified Chinese glyphs for CJK text (not Japanese ones).
i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
  lng: pickLanguage(readStored(LANGUAGE_STORAGE_KEY), navigator.language),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
});

export function changeLanguage(language: Language): void {
  writeStored(LANGUAGE_STORAGE_KEY, language);
  void i18n.changeLanguage(language);
}

export { i18n };
