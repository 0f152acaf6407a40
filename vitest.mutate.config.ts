// The tests Stryker runs against each mutant (stryker.config.mjs): the fast unit tests of the
// domain core, the ledger import, the stage rules and the reports. No browser, no LibreOffice.
import { defineConfig } from 'vitest/config'

process.env.TZ = 'Asia/Shanghai'

export default defineConfig({
  test: {
    // MUTATE_TESTS (comma-separated globs) narrows the set for a quick run of one module against
    // its own unit tests (docs/mutation.md, "lean run"); fewer tests can only kill fewer mutants.
    include: process.env.MUTATE_TESTS?.split(',') ?? [
      'db/domain/**/*.test.ts',
      'db/ledger-import/**/*.test.ts',
      'db/services/reports/**/*.test.ts',
      'electron/handlers/projects.test.ts',
      'electron/handlers/stage-rules.test.ts',
      'electron/handlers/reports.test.ts',
    ],
    environment: 'node',
    testTimeout: 30_000,
  },
})
