import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
import { en } from './en'
import { zh } from './zh'

export type Language = 'zh' | 'en'
const LANGUAGE_KEY = 'crm-language'

export function savedLanguage(): Language {
  return localStorage.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'zh'
}

export function setLanguage(language: Language): void {
  localStorage.setItem(LANGUAGE_KEY, language)
  void i18n.changeLanguage(language)
}

void i18n.use(initReactI18next).init({
  resources: { zh: { translation: zh }, en: { translation: en } },
  lng: savedLanguage(),
  fallbackLng: 'zh',
  interpolation: { escapeValue: false },
  showSupportNotice: false,
})

export default i18n
