// Wires the policy into Electron: CSP, permissions, navigation, new windows, webviews.
import { type Session, type WebContents, app, shell } from 'electron'
import { CONTENT_SECURITY_POLICY } from '../csp'
import { APP_SCHEME, isAppExternalLink, isAppUrl } from './policy'

/** devServerUrl: the renderer's dev server while developing (never in a packaged build). */
export function hardenSession(session: Session, devServerUrl?: string): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    })
  })
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  // No remote content: any request that is not the app's own files or dev server is cancelled.
  session.webRequest.onBeforeRequest((details, callback) => {
    const url = details.url
    const local = url.startsWith(`${APP_SCHEME}:`) || url.startsWith('devtools:') || url.startsWith('data:') || url.startsWith('blob:')
    const devServer = !!devServerUrl && url.startsWith(devServerUrl)
    callback({ cancel: !(local || devServer) })
  })
}

export function hardenContents(appUrl: string): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url, appUrl)) event.preventDefault()
    })
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url, appUrl)) event.preventDefault()
    })
    contents.setWindowOpenHandler(({ url }) => {
      if (isAppExternalLink(url)) void shell.openExternal(url)
      return { action: 'deny' }
    })
  })
}
