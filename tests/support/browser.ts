// Debian's Chromium driven by playwright-core (no browser download). Returns null where no browser
// is installed, so local runs can skip; CI sets CI=true and must have one.
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type BrowserContext, chromium } from 'playwright-core'

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter(
  (path): path is string => !!path,
)

export function findChromium(): string | null {
  return CANDIDATES.find((path) => existsSync(path)) ?? null
}

export interface Browser {
  context: BrowserContext
  close(): Promise<void>
}

export async function launchBrowser(options: { width?: number; height?: number; locale?: string } = {}): Promise<Browser> {
  const executablePath = findChromium()
  if (!executablePath) throw new Error('Chromium not found (apt-get install chromium)')
  const profile = mkdtempSync(join(tmpdir(), 'crm-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    locale: options.locale ?? 'zh-CN',
    viewport: { width: options.width ?? 1440, height: options.height ?? 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  })
  // Every wait is for a state; on a loaded machine (CI, a busy laptop) a page can take a while to
  // get there, so the bound is generous rather than Playwright's 30 s.
  context.setDefaultTimeout(60_000)
  return {
    context,
    close: async () => {
      await context.close()
      rmSync(profile, { recursive: true, force: true })
    },
  }
}

/** Browser tests run where Chromium exists, and always on CI (where a missing browser is a failure). */
export const browserTestsEnabled = (): boolean => !!process.env.CI || findChromium() !== null
