// Strings of the settings area.
import { defineMessages } from '../define'

export const settings = defineMessages({
  zh: {},
  en: {},
})
