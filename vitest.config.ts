import { defineConfig } from 'vitest/config'

// The users are in China: every test runs on Asia/Shanghai's clock, so a UTC/local mix-up in date
// code fails here instead of passing on a UTC machine (set before any worker starts: they inherit it).
process.env.TZ = 'Asia/Shanghai'

// Two test files at a time, where vitest's default (cores − 1) gives one worker on this two-core
// machine. Much of a file's time is spent waiting for real processes (LibreOffice, PostgreSQL,
// forked backends, the command line, Chromium): a second file keeps the other core busy meanwhile.
// The unit, renderer and browser projects share one group, so they must share the number.
const UNIT_WORKERS = 2

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['db/**/*.test.ts', 'electron/**/*.test.ts', 'tests/unit/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          // Set-up that fills a database waits for states, never for time; on a loaded machine (two
          // files at once, other jobs) it can take longer than vitest's 10 s default.
          hookTimeout: 120_000,
          maxWorkers: UNIT_WORKERS,
        },
      },
      {
        // The renderer's pure helpers (list URL state, formatting): no DOM, no browser.
        test: {
          name: 'renderer',
          include: ['renderer/src/**/*.test.ts'],
          environment: 'node',
          maxWorkers: UNIT_WORKERS,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          // Bounds, not delays: a state that comes returns at once. Under the under-load script (load
          // 40–50 on two cores) a page's list took more than a minute to arrive, so they are wide.
          testTimeout: 300_000,
          hookTimeout: 300_000,
          // expect.poll waits for a state; its default second is too short on a loaded machine.
          expect: { poll: { timeout: 90_000 } },
          // Two browser files at a time: a file spends much of its time waiting (for the page, its
          // app server, the one Chromium), so the second keeps the other core busy. Each file has
          // its own app server (own port, own data folder) and its own browser context. Same worker
          // count as the unit and renderer projects, so all three share one group of two workers:
          // vitest starts the longest files (these) first and unit files fill in as the last ones
          // end, so no core idles through a group's tail.
          maxWorkers: UNIT_WORKERS,
          // One Chromium for all the files (each file gets a context of its own); one copy of the
          // built renderer for all the app servers (a rebuild of out/ meanwhile does not touch it).
          globalSetup: ['tests/support/one-chromium.ts', 'tests/support/renderer-snapshot.ts'],
        },
      },
    ],
  },
})
