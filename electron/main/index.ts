// Shell 1, the desktop window. Kept thin: it creates the window, checks who calls, and forwards
// calls and events to and from the backend process (./backend.ts), which holds the database.
import { BrowserWindow, type IpcMainInvokeEvent, app, dialog, ipcMain, session } from 'electron'
import { existsSync, mkdirSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { defaultDataDir, resolveDbPath } from '../../db/paths'
import type { BackendClient } from '../backend-host/client'
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../contract/bridge'
import { parseArgs } from '../cli/args'
import { registerAppScheme, serveRenderer } from './app-protocol'
import { desktopBackend } from './backend'
import { isAppUrl, trustedRendererUrl, windowPreferences } from './policy'
import { hardenContents, hardenSession } from './security'
import { openHubSecretKey } from './hub-secret'
import { CHOOSE_FILE, PathHandles, pathsFromHandles } from './path-handles'
import { startUpdateChecks } from './updater'

app.setPath('userData', defaultDataDir())
app.enableSandbox()
registerAppScheme()

// A packaged build loads only its own crm://app page: the environment cannot point it elsewhere.
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL
const rendererUrl = trustedRendererUrl(app.isPackaged, devServerUrl)
let mainWindow: BrowserWindow | null = null
let backend: BackendClient | null = null

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

const pathHandles = new PathHandles()

const FILE_DIALOGS: Record<'backup' | 'attachment', { title: string; filters: Electron.FileFilter[] }> = {
  backup: { title: '选择要恢复的备份', filters: [{ name: '数据库备份', extensions: ['sqlite'] }] },
  attachment: { title: '选择附件', filters: [] },
}

/** A file dialog of the main process; the window gets a handle and the name, never the path. */
async function chooseFile(input: unknown) {
  const kind = (input as { kind?: unknown } | null)?.kind
  const options = kind === 'backup' || kind === 'attachment' ? FILE_DIALOGS[kind] : null
  if (!options || !mainWindow) return { ok: false, error: { code: 'validation', message: '不支持的文件选择' } }
  const chosen = await dialog.showOpenDialog(mainWindow, { title: options.title, filters: options.filters, properties: ['openFile'] })
  const path = chosen.canceled ? undefined : chosen.filePaths[0]
  return { ok: true, value: path ? { handle: pathHandles.issue(path), name: basename(path) } : null }
}

function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame
  return !!frame && frame === mainWindow?.webContents.mainFrame && isAppUrl(frame.url, rendererUrl)
}

async function start(): Promise<void> {
  const file = resolveDbPath(parseArgs(process.argv.slice(1)).options.db as string | undefined)
  mkdirSync(dirname(file), { recursive: true })
  const client = desktopBackend(
    { file, nativeBinding: electronNativeBinding(), shell: 'electron', hubSecretKey: openHubSecretKey(dirname(file)) },
    (event, payload) => mainWindow?.webContents.send(EVENT_CHANNEL, { event, payload }),
  )
  backend = client
  try {
    await client.start()
  } catch (error) {
    dialog.showErrorBox('无法打开数据库', (error as Error).message)
    app.exit(1)
    return
  }
  // The sender check stays here, in the process that knows the window.
  ipcMain.handle(INVOKE_CHANNEL, (event, method: unknown, input: unknown) => {
    if (!isTrustedSender(event)) return { ok: false, error: { code: 'forbidden', message: '拒绝来自未知页面的请求' } }
    if (method === CHOOSE_FILE) return chooseFile(input)
    // Paths only from this process's own dialogs (path-handles.ts).
    const checked = pathsFromHandles(String(method), input, pathHandles)
    return checked.ok ? client.call(String(method), checked.input) : checked
  })
  serveRenderer(join(__dirname, '../renderer'))
  hardenSession(session.defaultSession, devServerUrl)
  hardenContents(rendererUrl)
  createWindow()
  // Off unless an office names its update server (CRM_UPDATE_URL or update.json in the data folder).
  void startUpdateChecks({ packaged: app.isPackaged, dataDir: app.getPath('userData') })
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
  // Quit after the backend has closed the database (it waits for a running backup).
  let backendClosed = false
  app.on('will-quit', (event) => {
    if (backendClosed || !backend) return
    event.preventDefault()
    void backend.close().finally(() => {
      backendClosed = true
      app.quit()
    })
  })
}
