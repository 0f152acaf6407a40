// Strings of the requests area.
import { defineMessages } from '../define'

export const requests = defineMessages({
  zh: {},
  en: {},
})
