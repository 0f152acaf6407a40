// Strings of the workbench area.
import { defineMessages } from '../define'

export const workbench = defineMessages({
  zh: {},
  en: {},
})
