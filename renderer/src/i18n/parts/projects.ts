// Strings of the projects area.
import { defineMessages } from '../define'

export const projects = defineMessages({
  zh: {},
  en: {},
})
