// A throwaway PostgreSQL cluster for the hub tests: initdb in a temp folder, started on a free port
// on 127.0.0.1 with its unix socket inside that folder, stopped and removed afterwards.
// PostgreSQL refuses to run as root, and CI runs as root: then every server binary runs as the
// unprivileged `postgres` user (Debian's package makes it) through runuser, on a folder chowned to it.
// Where no binaries exist, hub tests skip locally; with CI set they must run (pgTestsEnabled).
import { execFile } from 'node:child_process'
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import pg from 'pg'

const run = promisify(execFile)

export function findPostgresBin(): string | null {
  if (process.env.PG_BIN && existsSync(join(process.env.PG_BIN, 'initdb'))) return process.env.PG_BIN
  const root = '/usr/lib/postgresql'
  if (!existsSync(root)) return null
  // Newest major first.
  const majors = readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a))
  for (const major of majors) {
    const bin = join(root, major, 'bin')
    if (existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'pg_ctl'))) return bin
  }
  return null
}

/** Hub tests run where PostgreSQL is installed, and always on CI (where a missing server is a failure). */
export const pgTestsEnabled = (): boolean => !!process.env.CI || findPostgresBin() !== null

export interface PgCluster {
  port: number
  /** The superuser's name and password (password auth over TCP, like a real hub). */
  superuser: string
  password: string
  /** postgres://user:password@127.0.0.1:port/database */
  url(database: string, user?: string, password?: string): string
  /** Runs SQL as the superuser on a database of the cluster. */
  admin<T>(database: string, work: (client: pg.Client) => Promise<T>): Promise<T>
  /** Creates a database (owned by the superuser) and returns its URL for the superuser. */
  createDatabase(name: string): Promise<string>
  /** Creates a login role with a password (an officer). */
  createRole(name: string, password: string): Promise<void>
  stop(): Promise<void>
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0

/** Runs a PostgreSQL binary, as the `postgres` user when we are root. */
async function pgRun(bin: string, tool: string, args: string[]): Promise<string> {
  const file = join(bin, tool)
  const { stdout } = asRoot ? await run('runuser', ['-u', 'postgres', '--', file, ...args]) : await run(file, args)
  return stdout
}

export async function startPostgres(): Promise<PgCluster> {
  const bin = findPostgresBin()
  if (!bin) throw new Error('PostgreSQL not found (apt-get install postgresql)')
  const dir = mkdtempSync(join(tmpdir(), 'crm-pg-'))
  const data = join(dir, 'data')
  const superuser = 'hub_admin'
  const password = `pw-${process.pid}-${Date.now()}`
  writeFileSync(join(dir, 'pwfile'), `${password}\n`)
  if (asRoot) {
    const { uid, gid } = await pgIds()
    chownSync(dir, uid, gid)
    chownSync(join(dir, 'pwfile'), uid, gid)
  }
  chmodSync(dir, 0o700)
  await pgRun(bin, 'initdb', [
    '-D', data, '-U', superuser, `--pwfile=${join(dir, 'pwfile')}`, '--auth-local=trust', '--auth-host=scram-sha-256',
    '-E', 'UTF8', '--locale=C', '--no-sync',
  ])
  const port = await freePort()
  // fsync off: the tests kill clients, never this server, and the machine is busy.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`
  await pgRun(bin, 'pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', '-t', '120', 'start'])
  const url = (database: string, user = superuser, pass = password) =>
    `postgres://${encodeURIComponent(user)}:${encodeURIComponent(pass)}@127.0.0.1:${port}/${encodeURIComponent(database)}`
  const admin = async <T>(database: string, work: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: url(database) })
    await client.connect()
    try {
      return await work(client)
    } finally {
      await client.end()
    }
  }
  let stopped = false
  return {
    port,
    superuser,
    password,
    url,
    admin,
    createDatabase: async (name) => {
      await admin('postgres', (client) => client.query(`CREATE DATABASE "${name}"`))
      return url(name)
    },
    createRole: async (name, pass) => {
      await admin('postgres', (client) => client.query(`CREATE ROLE "${name}" LOGIN PASSWORD '${pass.replace(/'/g, "''")}'`))
    },
    stop: async () => {
      if (stopped) return
      stopped = true
      try {
        await pgRun(bin, 'pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop'])
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
  }
}

async function pgIds(): Promise<{ uid: number; gid: number }> {
  const { stdout: uid } = await run('id', ['-u', 'postgres'])
  const { stdout: gid } = await run('id', ['-g', 'postgres'])
  return { uid: Number(uid.trim()), gid: Number(gid.trim()) }
}
