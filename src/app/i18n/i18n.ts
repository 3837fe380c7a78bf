// i18next setup: every UI string goes through here (English now; add a resources entry per language).
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import zonesEn from '../../tools/zones/zones-en.json';
import findEn from '../../tools/find/find-en.json';
import manageEn from '../../tools/manage/manage-en.json';
import sweepsEn from '../../tools/sweeps/sweeps-en.json';
import coverageEn from '../../tools/coverage/coverage-en.json';

export function initI18n(): typeof i18next {
  if (!i18next.isInitialized) {
    void i18next.use(initReactI18next).init({
      lng: 'en',
      fallbackLng: 'en',
      resources: { en: { translation: { ...en, ...zonesEn, ...findEn, ...sweepsEn, ...coverageEn, ...manageEn } } },
      interpolation: { escapeValue: false },
    });
  }
  return i18next;
}
