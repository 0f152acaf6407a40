// The set-up most browser suites share: the app on a fresh database, seeded through its own API,
// opened in Chromium at 1280×800 on 工作台; a failing test leaves a screenshot; everything closes
// after the suite. Call inside `describe`; the fields are there from `beforeAll` on.
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, onTestFailed } from 'vitest'
import { type AppServer, callApp, screenshot, startAppServer } from './app-server'
import { type Browser, launchBrowser } from './browser'
import { goTo } from './ui'

export interface AppInBrowser {
  app: AppServer
  browser: Browser
  page: Page
  /** Uncaught errors of the page: a suite ends by expecting none. */
  errors: string[]
  /** The backend directly, as the command line calls it (set-up and checks). */
  api<T>(method: string, input: unknown): Promise<T>
  /** Navigates inside the app without a reload: '/reports/flow?period=month'. */
  go(hash: string): Promise<string>
}

export function appInBrowser(
  name: string,
  seed: (api: AppInBrowser['api']) => Promise<void> = async () => undefined,
  viewport = { width: 1280, height: 800 },
): AppInBrowser {
  const session = {
    errors: [] as string[],
    api: <T>(method: string, input: unknown) => callApp<T>(session.app, method, input),
    go: (hash: string) => goTo(session.page, hash),
  } as AppInBrowser

  beforeAll(async () => {
    session.app = await startAppServer()
    await seed(session.api)
    session.browser = await launchBrowser(viewport)
    session.page = await session.browser.context.newPage()
    session.page.on('pageerror', (error) => session.errors.push(error.message))
    await session.page.goto(session.app.server.url)
    await session.page.getByRole('menuitem', { name: '工作台' }).waitFor()
  })
  beforeEach((context) => onTestFailed(() => screenshot(session.page, `failed-${name}-${context.task.name.slice(0, 40)}`).then(() => undefined)))
  afterAll(async () => {
    await session.browser?.close()
    await session.app?.close()
  })
  return session
}
