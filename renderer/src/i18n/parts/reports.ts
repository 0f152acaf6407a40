// Strings of the reports area.
import { defineMessages } from '../define'

export const reports = defineMessages({
  zh: {},
  en: {},
})
