// Shell 1, the desktop window. Kept thin: everything it serves lives in db/ and electron/handlers.
import { BrowserWindow, type IpcMainInvokeEvent, app, dialog, ipcMain, session } from 'electron'
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { type Backend, openBackend } from '../../db/backend'
import { defaultDataDir, resolveDbPath } from '../../db/paths'
import { maybeDailyBackup } from '../../db/storage/backup'
import { INVOKE_CHANNEL } from '../contract/bridge'
import { parseArgs } from '../cli/args'
import { dispatch } from '../handlers/dispatch'
import type { HandlerEnv } from '../handlers/types'
import { registerAppScheme, serveRenderer } from './app-protocol'
import { isAppUrl, trustedRendererUrl, windowPreferences } from './policy'
import { hardenContents, hardenSession } from './security'
import { installKeychainSecretBox } from './hub-secret'
import { ensureHubAutoSync } from '../../db/hub/auto-sync'

app.setPath('userData', defaultDataDir())
app.enableSandbox()
registerAppScheme()

// A packaged build loads only its own crm://app page: the environment cannot point it elsewhere.
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL
const rendererUrl = trustedRendererUrl(app.isPackaged, devServerUrl)
let mainWindow: BrowserWindow | null = null
let env: HandlerEnv | null = null

/** better-sqlite3 built for Electron's ABI (npm run electron:native), beside the Node build. */
function electronNativeBinding(): string | undefined {
  const file = join(app.getAppPath(), '.electron-native', 'better_sqlite3.node')
  return existsSync(file) ? file : undefined
}

function createWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    title: '招商引资 CRM',
    show: false,
    webPreferences: windowPreferences(join(__dirname, '../preload/index.cjs')),
  })
  mainWindow.once('ready-to-show', () => mainWindow?.show())
  mainWindow.on('closed', () => (mainWindow = null))
  void mainWindow.loadURL(rendererUrl)
}

function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame
  return !!frame && frame === mainWindow?.webContents.mainFrame && isAppUrl(frame.url, rendererUrl)
}

async function start(): Promise<void> {
  const file = resolveDbPath(parseArgs(process.argv.slice(1)).options.db as string | undefined)
  mkdirSync(join(file, '..'), { recursive: true })
  installKeychainSecretBox()
  let backend: Backend
  try {
    backend = await openBackend({ file, nativeBinding: electronNativeBinding(), shell: 'electron' })
  } catch (error) {
    dialog.showErrorBox('无法打开数据库', (error as Error).message)
    app.exit(1)
    return
  }
  const shared: HandlerEnv = { ctx: backend.ctx, backend, shell: 'electron' }
  env = shared
  ipcMain.handle(INVOKE_CHANNEL, (event, method: unknown, input: unknown) => {
    if (!isTrustedSender(event)) return { ok: false, error: { code: 'forbidden', message: '拒绝来自未知页面的请求' } }
    return dispatch(shared, String(method), input)
  })
  setInterval(() => void maybeDailyBackup(shared.ctx), 60 * 60 * 1000)
  // Background sync with the team's hub, when one is set up (it never blocks the window).
  ensureHubAutoSync(shared.ctx)
  serveRenderer(join(__dirname, '../renderer'))
  hardenSession(session.defaultSession, devServerUrl)
  hardenContents(rendererUrl)
  createWindow()
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })
  app.whenReady().then(start)
  app.on('window-all-closed', () => app.quit())
  // A restore swaps env.backend: close the one in use now.
  app.on('will-quit', () => void env?.backend.close())
}
