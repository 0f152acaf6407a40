// Strings of the investors area.
import { defineMessages } from '../define'

export const investors = defineMessages({
  zh: {},
  en: {},
})
