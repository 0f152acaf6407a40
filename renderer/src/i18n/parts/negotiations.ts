// Strings of the negotiations area.
import { defineMessages } from '../define'

export const negotiations = defineMessages({
  zh: {},
  en: {},
})
