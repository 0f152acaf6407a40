import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
import { shell } from './parts/shell'
import { vocab } from './parts/vocab'
import { workbench } from './parts/workbench'
import { projects } from './parts/projects'
import { investors } from './parts/investors'
import { negotiations } from './parts/negotiations'
import { events } from './parts/events'
import { requests } from './parts/requests'
import { reports } from './parts/reports'
import { settings } from './parts/settings'
import { ledger } from './parts/ledger'
import { daily } from './parts/daily'
import { sync } from './parts/sync'
import { hub } from './parts/hub'
import { deals } from './parts/deals'
import { jobs } from './parts/jobs'

export type Language = 'zh' | 'en'
const LANGUAGE_KEY = 'crm-language'

// Add a feature's strings: one file in parts/, one entry here.
const PARTS = [shell, vocab, workbench, projects, investors, negotiations, events, requests, reports, settings, ledger, daily, sync, hub, deals, jobs]

const merge = (language: Language) => Object.assign({}, ...PARTS.map((part) => part[language]))

export function savedLanguage(): Language {
  return localStorage.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'zh'
}

export function setLanguage(language: Language): void {
  localStorage.setItem(LANGUAGE_KEY, language)
  void i18n.changeLanguage(language)
}

void i18n.use(initReactI18next).init({
  resources: { zh: { translation: merge('zh') }, en: { translation: merge('en') } },
  lng: savedLanguage(),
  fallbackLng: 'zh',
  interpolation: { escapeValue: false },
  showSupportNotice: false,
})

export default i18n
