// The desktop window's security decisions, as plain data and functions so tests can assert them
// without Electron (Electron's security checklist, docs/tutorial/security.md).
import type { WebPreferences } from 'electron'

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
  }
}

/** The renderer's own pages: the built files, or the dev server while developing. */
export function isAppUrl(url: string, appUrl: string): boolean {
  try {
    const target = new URL(url)
    const app = new URL(appUrl)
    // The host too: file://server/<same path> is a Windows share, not the app's own file.
    if (app.protocol === 'file:') return target.protocol === 'file:' && target.host === app.host && target.pathname === app.pathname
    return target.origin === app.origin
  } catch {
    return false
  }
}

/** Links the user may open in the system browser: plain web pages and mail, nothing else. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const target = new URL(url)
    return (target.protocol === 'https:' || target.protocol === 'mailto:') && target.username === '' && target.password === ''
  } catch {
    return false
  }
}
