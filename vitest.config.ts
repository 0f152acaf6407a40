import { defineConfig } from 'vitest/config'

// The users are in China: every test runs on Asia/Shanghai's clock, so a UTC/local mix-up in date
// code fails here instead of passing on a UTC machine (set before any worker starts: they inherit it).
process.env.TZ = 'Asia/Shanghai'

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['db/**/*.test.ts', 'electron/**/*.test.ts', 'tests/unit/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        // The renderer's pure helpers (list URL state, formatting): no DOM, no browser.
        test: {
          name: 'renderer',
          include: ['renderer/src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // expect.poll waits for a state; its default second is too short on a loaded machine.
          expect: { poll: { timeout: 30_000 } },
          // One browser at a time: this machine has two cores.
          fileParallelism: false,
        },
      },
    ],
  },
})
