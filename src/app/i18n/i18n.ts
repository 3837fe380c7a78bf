// i18next setup: every UI string goes through here (English now; add a resources entry per language).
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import zonesEn from '../../tools/zones/zones-en.json';
import findEn from '../../tools/find/find-en.json';
import manageEn from '../../tools/manage/manage-en.json';

export function initI18n(): typeof i18next {
  if (!i18next.isInitialized) {
    void i18next.use(initReactI18next).init({
      lng: 'en',
      fallbackLng: 'en',
      resources: { en: { translation: { ...en, ...zonesEn, ...findEn, ...manageEn } } },
      interpolation: { escapeValue: false },
    });
  }
  return i18next;
}

/** The City's tools' strings (Sweeps, Coverage: the largest) load with their panels, not on the first screen. */
const TOOL_STRINGS = {
  sweeps: () => import('../../tools/sweeps/sweeps-en.json'),
  coverage: () => import('../../tools/coverage/coverage-en.json'),
} as const;

/** Adds a lazily loaded tool's strings to i18next (once loaded, before its panel renders). */
export async function addToolStrings(tool: keyof typeof TOOL_STRINGS): Promise<void> {
  const strings = (await TOOL_STRINGS[tool]()).default;
  i18next.addResourceBundle('en', 'translation', strings, true, true);
}
