// The desktop window's security decisions, as plain data and functions so tests can assert them
// without Electron (Electron's security checklist, docs/tutorial/security.md).
import type { WebPreferences } from 'electron'
import { isAbsolute, join, normalize, relative } from 'node:path'

/**
 * The renderer is served from this app protocol, not file:// (Electron's checklist, item 18): under
 * file://, `script-src 'self'` would allow any file on the disk. Here 'self' is crm://app, and the
 * protocol handler answers only files inside out/renderer (resolveAppFile).
 */
export const APP_SCHEME = 'crm'
export const APP_URL = `${APP_SCHEME}://app/index.html`

/** The page the window loads: fixed in a packaged build; the dev server only while developing. */
export function trustedRendererUrl(isPackaged: boolean, devServerUrl: string | undefined): string {
  return !isPackaged && devServerUrl ? devServerUrl : APP_URL
}

/** The file inside `rendererDir` a crm://app URL names, or null for anything else. */
export function resolveAppFile(url: string, rendererDir: string): string | null {
  let target: URL
  let path: string
  try {
    target = new URL(url)
    path = decodeURIComponent(target.pathname)
  } catch {
    return null
  }
  if (target.protocol !== `${APP_SCHEME}:` || target.host !== 'app' || target.username || target.password || target.port) return null
  if (path.includes('\0') || path.includes('\\')) return null
  const file = join(rendererDir, normalize(path === '/' ? '/index.html' : path))
  const inside = relative(rendererDir, file)
  return inside && !inside.startsWith('..') && !isAbsolute(inside) ? file : null
}

export function windowPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    // The window runs the app's own files only: V8's code cache for them is written at the first
    // opening instead of the second (Chromium's heat check), so the second already skips parsing
    // them (renderer/build/classicChunks.ts).
    v8CacheOptions: 'bypassHeatCheck',
  }
}

/** The renderer's own pages: the built files, or the dev server while developing. */
export function isAppUrl(url: string, appUrl: string): boolean {
  try {
    const target = new URL(url)
    const app = new URL(appUrl)
    // The host too: file://server/<same path> is a Windows share, not the app's own file.
    if (app.protocol === 'file:') return target.protocol === 'file:' && target.host === app.host && target.pathname === app.pathname
    if (app.protocol === 'http:' || app.protocol === 'https:') return target.origin === app.origin
    // A custom scheme's origin is "null" (as are data: and javascript:): compare scheme and host.
    return target.protocol === app.protocol && target.host === app.host && target.host !== '' && !target.username && !target.password && !target.port
  } catch {
    return false
  }
}

/**
 * Links that may open in the system browser: only those the app itself builds, listed here exactly.
 * A link in data (an investor's website, a note) is text, never opened: a name or a note must not
 * be able to launch anything on the laptop. None is built today; a help page would be added here.
 */
export const APP_EXTERNAL_LINKS: ReadonlySet<string> = new Set<string>()

export function isAppExternalLink(url: string): boolean {
  return APP_EXTERNAL_LINKS.has(url)
}
