// Strings of the events area.
import { defineMessages } from '../define'

export const events = defineMessages({
  zh: {},
  en: {},
})
