// Debian's Chromium driven by playwright-core (no browser download). Returns null where no browser
// is installed, so local runs can skip; CI sets CI=true and must have one.
//
// In the e2e project one Chromium serves every file (tests/support/one-chromium.ts launches it once
// and provides its address): starting a browser per file cost about a second of CPU each. A file
// still gets a browser of its own in all that matters: a fresh context (its own storage, cookies,
// BroadcastChannel and session with its own app server), closed with the file. Outside vitest (the
// bench) a browser is launched as before.
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type BrowserContext, type LaunchOptions, chromium } from 'playwright-core'

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter(
  (path): path is string => !!path,
)

export function findChromium(): string | null {
  return CANDIDATES.find((path) => existsSync(path)) ?? null
}

/** How Chromium is started, by a file alone or once for the whole e2e project. */
export function chromiumLaunchOptions(): LaunchOptions {
  const executablePath = findChromium()
  if (!executablePath) throw new Error('Chromium not found (apt-get install chromium)')
  return {
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  }
}

export interface Browser {
  context: BrowserContext
  close(): Promise<void>
}

/** The address of the e2e project's one Chromium, when this runs inside that project. */
async function sharedChromium(): Promise<string | undefined> {
  // Imported only under vitest: outside it (the bench) vitest's runtime refuses to load its state.
  if (!process.env.VITEST) return undefined
  const { inject } = await import('vitest')
  return inject('chromiumEndpoint')
}

export async function launchBrowser(options: { width?: number; height?: number; locale?: string } = {}): Promise<Browser> {
  const contextOptions = {
    locale: options.locale ?? 'zh-CN',
    viewport: { width: options.width ?? 1440, height: options.height ?? 900 },
  }
  const endpoint = await sharedChromium()
  let browser: Browser
  if (endpoint) {
    const connection = await chromium.connect(endpoint)
    const context = await connection.newContext(contextOptions)
    // Closing the connection closes this file's context; the browser stays for the next file.
    browser = { context, close: () => connection.close() }
  } else {
    const profile = mkdtempSync(join(tmpdir(), 'crm-chromium-'))
    const context = await chromium.launchPersistentContext(profile, { ...chromiumLaunchOptions(), ...contextOptions })
    browser = {
      context,
      close: async () => {
        await context.close()
        rmSync(profile, { recursive: true, force: true })
      },
    }
  }
  // Every wait is for a state; on a loaded machine (CI, a busy laptop) a page can take a while to
  // get there, so the bound is generous rather than Playwright's 30 s. A minute was not enough at
  // load 45 with two browser files running (accessibility: a page's spinner outlasted it).
  browser.context.setDefaultTimeout(180_000)
  return browser
}

/** Browser tests run where Chromium exists, and always on CI (where a missing browser is a failure). */
export const browserTestsEnabled = (): boolean => !!process.env.CI || findChromium() !== null
