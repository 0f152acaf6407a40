// Where the database lives. The Electron shell, browser mode and the command line all resolve the
// same path, following Electron's userData convention for this app's name.
import { homedir } from 'node:os'
import { join } from 'node:path'

export const APP_DIR_NAME = 'zhaoshang-crm'
export const DB_FILE_NAME = 'crm.sqlite'

/** Electron's app.getPath('appData') on each platform. */
export function appDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return env.APPDATA ?? join(homedir(), 'AppData', 'Roaming')
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support')
  return env.XDG_CONFIG_HOME ?? join(homedir(), '.config')
}

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(appDataDir(env), APP_DIR_NAME)
}

/** `--db FILE` wins, then CRM_DB, then the per-user data folder. */
export function resolveDbPath(cliDb?: string, env: NodeJS.ProcessEnv = process.env): string {
  return cliDb ?? env.CRM_DB ?? join(defaultDataDir(env), DB_FILE_NAME)
}
