// The e2e project's global set-up: one Chromium for every browser file, launched once and closed
// after the last file. Each file connects to it (tests/support/browser.ts) and works in a context
// of its own. Launching a browser per file cost 27 starts of Chromium a run.
import { chromium } from 'playwright-core'
import type { TestProject } from 'vitest/node'
import { chromiumLaunchOptions, findChromium } from './browser'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Playwright's address of the shared Chromium; absent where none is installed (files skip). */
    chromiumEndpoint: string | undefined
  }
}

export default async function launchOneChromium(project: TestProject): Promise<() => Promise<void>> {
  if (!findChromium()) {
    project.provide('chromiumEndpoint', undefined)
    return async () => undefined
  }
  const server = await chromium.launchServer(chromiumLaunchOptions())
  project.provide('chromiumEndpoint', server.wsEndpoint())
  return () => server.close()
}
