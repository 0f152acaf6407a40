// Updates of the installed app from an office's own web server (electron-updater's generic
// provider: the latest*.yml files and installers that electron-builder writes into dist/, copied
// to any HTTP folder). Off unless configured, so the app contacts no server by itself:
//   CRM_UPDATE_URL=https://server/crm/   or   update.json {"url": "https://server/crm/"} in the
//   data folder (where IT can place it for every user of a laptop).
// Only a packaged build asks; a development checkout has nothing to update.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { logFor } from '../../db/log'

export const UPDATE_FILE = 'update.json'
const CHECK_EVERY_MS = 6 * 60 * 60 * 1000

export type UpdateSource = { url: string; from: 'CRM_UPDATE_URL' | typeof UPDATE_FILE } | { url: null; problem?: string }

/** Where updates come from, or why there is no such place (never throws: a bad setting only turns updates off). */
export function updateSource(env: NodeJS.ProcessEnv, dataDir: string): UpdateSource {
  let url = env.CRM_UPDATE_URL?.trim()
  let from: 'CRM_UPDATE_URL' | typeof UPDATE_FILE = 'CRM_UPDATE_URL'
  if (!url) {
    let text: string
    try {
      text = readFileSync(join(dataDir, UPDATE_FILE), 'utf8')
    } catch {
      return { url: null }
    }
    try {
      const parsed = JSON.parse(text) as { url?: unknown }
      url = typeof parsed.url === 'string' ? parsed.url.trim() : ''
    } catch {
      return { url: null, problem: `${UPDATE_FILE} 不是有效的 JSON，自动更新已关闭；请写成 {"url": "https://服务器/目录/"}` }
    }
    from = UPDATE_FILE
    if (!url) return { url: null, problem: `${UPDATE_FILE} 中没有 url，自动更新已关闭` }
  }
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return { url: null, problem: `更新服务器地址“${url}”无效（${from}），自动更新已关闭；请填写 http(s):// 开头的地址` }
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return { url: null, problem: `更新服务器地址必须以 http:// 或 https:// 开头（${from}：${url}），自动更新已关闭` }
  }
  // The generic provider resolves latest.yml against the URL: without the final slash the last path part would be dropped.
  return { url: parsed.href.endsWith('/') ? parsed.href : `${parsed.href}/`, from }
}

/**
 * Checks now and every 6 hours, downloads in the background and installs when the app quits.
 * A server that cannot be reached (offline laptops are normal) is written to crm.log, never shown.
 */
export async function startUpdateChecks(options: { packaged: boolean; dataDir: string; env?: NodeJS.ProcessEnv }): Promise<void> {
  const log = logFor(options.dataDir)
  const source = updateSource(options.env ?? process.env, options.dataDir)
  if (source.url === null) {
    if (source.problem) log.write('update-config', { problem: source.problem })
    return
  }
  if (!options.packaged) return
  // Loaded only when configured: an app without an update server never loads the updater.
  const { autoUpdater } = await import('electron-updater')
  autoUpdater.setFeedURL({ provider: 'generic', url: source.url })
  autoUpdater.autoDownload = true
  autoUpdater.autoInstallOnAppQuit = true
  autoUpdater.on('error', (error: Error) => log.write('update-failed', { url: source.url, message: error.message }))
  autoUpdater.on('update-downloaded', (info: { version: string }) => log.write('update-downloaded', { version: info.version }))
  const check = () => void autoUpdater.checkForUpdatesAndNotify().catch(() => {}) // the 'error' event above logs it
  check()
  setInterval(check, CHECK_EVERY_MS).unref()
}
