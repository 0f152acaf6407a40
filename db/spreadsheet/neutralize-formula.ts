// CSV/formula injection: a cell text like '=HYPERLINK(…)' or '@SUM(…)' typed by anyone into a
// project name would run when the manager opens the exported file. OWASP's advice: prefix such
// text with a single quote so every spreadsheet shows it as text.

const FORMULA_START = /^[=+\-@\t\r]/

export function neutralizeFormulaText(s: string): string {
  // a bare '-' or '--' is the usual "none" in ledgers and cannot run as a formula
  if (/^-+$/.test(s)) return s
  return FORMULA_START.test(s) ? `'${s}` : s
}
