// Issue 7: the desktop shell's hardening, tried without an Electron binary. The pure policy
// (window preferences, which URLs are the app's, which links may open outside) is called directly;
// security.ts runs against a fake `electron` module so its handlers are exercised, not just read;
// what only exists inside Electron (the IPC sender check, single-instance lock, sandbox switch) is
// checked in the built main bundle out/main/index.cjs when it exists, else in the TypeScript source
// (each test names which one it read). The preload is run in a VM with a fake `electron` to see
// exactly what it exposes.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { runInNewContext } from 'node:vm'
import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../electron/csp'
import { APP_URL, isAppExternalLink, isAppUrl, resolveAppFile, trustedRendererUrl, windowPreferences } from '../../electron/main/policy'

const ROOT = join(__dirname, '..', '..')
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8')

/** What ships: the tests of the built files fail, never pass, when the app has not been built. */
function readBuilt(path: string): string {
  if (!existsSync(join(ROOT, path))) throw new Error(`${path} is missing: run \`npm run build\` first (npm test does)`)
  return read(path)
}

/** The built bundle when present (what ships), else the sources it is built from. */
function mainSource(): { from: string; text: string } {
  const built = join(ROOT, 'out/main/index.cjs')
  if (existsSync(built)) return { from: 'out/main/index.cjs', text: readFileSync(built, 'utf8') }
  const files = ['electron/main/index.ts', 'electron/main/security.ts', 'electron/main/policy.ts']
  return { from: files.join(' + '), text: files.map(read).join('\n') }
}

const APP_FILE = pathToFileURL('/opt/crm/resources/app/out/renderer/index.html').href
const DEV = 'http://localhost:5173'

describe('window preferences', () => {
  it('isolate and sandbox the renderer', () => {
    const prefs = windowPreferences('/opt/crm/out/preload/index.cjs')
    expect(prefs).toMatchObject({
      preload: '/opt/crm/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
    })
  })

  it("write V8's code cache for the app's scripts at the first opening", () => {
    expect(windowPreferences('/opt/crm/out/preload/index.cjs').v8CacheOptions).toBe('bypassHeatCheck')
  })
})

describe('isAppUrl: only the app itself may be navigated to', () => {
  it('accepts the built page (with a route) and the dev server', () => {
    expect(isAppUrl(APP_FILE, APP_FILE)).toBe(true)
    expect(isAppUrl(`${APP_FILE}#/projects/01J`, APP_FILE)).toBe(true)
    expect(isAppUrl(`${DEV}/`, DEV)).toBe(true)
    expect(isAppUrl(`${DEV}/#/reports`, DEV)).toBe(true)
  })

  it.each([
    'file:///etc/passwd',
    'file:///C:/Windows/win.ini',
    pathToFileURL('/opt/crm/resources/app/out/renderer/other.html').href,
    // The same path on another host is a Windows share (file://server/…): never the app.
    APP_FILE.replace('file:///', 'file://evil.example/'),
    'http://evil.example/',
    'https://evil.example/index.html',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'about:blank',
    'blob:null/123',
    '',
    'not a url',
  ])('refuses %s for the built app', (url) => {
    expect(isAppUrl(url, APP_FILE)).toBe(false)
  })

  it.each(['http://localhost:5174/', 'https://localhost:5173/', 'http://127.0.0.1:5173/', 'http://localhost.evil.example:5173/', 'file:///etc/passwd', 'javascript:alert(1)'])(
    'refuses %s for the dev server',
    (url) => {
      expect(isAppUrl(url, DEV)).toBe(false)
    },
  )

  it('never accepts another origin or another file, whatever the URL', () => {
    const url = fc.oneof(
      fc.webUrl({ withFragments: true, withQueryParameters: true }),
      fc.string(),
      fc.constantFrom('file:', 'javascript:', 'data:', 'blob:', 'about:').chain((scheme) => fc.string().map((rest) => scheme + rest)),
    )
    fc.assert(
      fc.property(url, (candidate) => {
        if (isAppUrl(candidate, APP_FILE)) {
          const target = new URL(candidate)
          expect(target.protocol).toBe('file:')
          expect(target.host).toBe('')
          expect(target.pathname).toBe(new URL(APP_FILE).pathname)
        }
        if (isAppUrl(candidate, DEV)) expect(new URL(candidate).origin).toBe(DEV)
      }),
    )
  })
})

describe('external links: only those the app builds open outside', () => {
  it.each([
    'https://www.gov.cn/zhengce/',
    'https://example.cn/a?b=c#d',
    'mailto:zhaoshang@example.cn',
    'http://example.cn/',
    'file:///etc/passwd',
    'file://server/share/x.exe',
    '\\\\server\\share\\x.exe',
    'smb://server/share',
    'javascript:alert(1)',
    'ms-msdt:/id PCWDiagnostic',
    'search-ms:query=x',
    'https://user:pass@evil.example/',
    '',
  ])('a link from data is never opened: %s', (url) => {
    expect(isAppExternalLink(url)).toBe(false)
  })

  it('never opens anything the app did not list', () => {
    fc.assert(
      fc.property(fc.oneof(fc.webUrl({ withFragments: true, withQueryParameters: true }), fc.string()), (url) => {
        expect(isAppExternalLink(url)).toBe(false)
      }),
    )
  })
})

describe('the app protocol: crm://app serves out/renderer and nothing else', () => {
  const dir = '/opt/crm/resources/app.asar/out/renderer'
  it('maps the page and its assets to files inside the renderer folder', () => {
    expect(resolveAppFile(APP_URL, dir)).toBe(join(dir, 'index.html'))
    expect(resolveAppFile('crm://app/', dir)).toBe(join(dir, 'index.html'))
    expect(resolveAppFile('crm://app/assets/index-B5.js?x=1#y', dir)).toBe(join(dir, 'assets/index-B5.js'))
  })

  it.each(['crm://app/../../../etc/passwd', 'crm://app/%2e%2e/%2e%2e/etc/passwd', 'crm://app/..%2f..%2fetc%2fpasswd', 'crm://app/assets/../../../../x'])(
    'keeps %s inside the folder',
    (url) => {
      const file = resolveAppFile(url, dir)
      expect(file === null || file.startsWith(`${dir}/`)).toBe(true)
    },
  )

  it.each([
    'crm://app/assets/..%5c..%5c..%5cwin.ini',
    'crm://app/%00index.html',
    'crm://app/%E0%A4%A',
    'crm://other/index.html',
    'crm://user:pw@app/index.html',
    'crm://app:8080/index.html',
    'file:///opt/crm/resources/app.asar/out/renderer/index.html',
    'http://app/index.html',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppFile(url, dir)).toBeNull()
  })

  it('never resolves outside the folder, whatever the path', () => {
    fc.assert(
      fc.property(fc.string(), (path) => {
        const file = resolveAppFile(`crm://app/${path}`, dir)
        if (file !== null) expect(file.startsWith(`${dir}/`)).toBe(true)
      }),
    )
  })

  it('is the only page a packaged build trusts; the dev server only while developing', () => {
    expect(trustedRendererUrl(true, 'http://evil.example/')).toBe(APP_URL)
    expect(trustedRendererUrl(true, undefined)).toBe(APP_URL)
    expect(trustedRendererUrl(false, DEV)).toBe(DEV)
    expect(trustedRendererUrl(false, undefined)).toBe(APP_URL)
  })

  it('isAppUrl takes the app page and its routes, never another host, a null origin or a file', () => {
    expect(isAppUrl(`${APP_URL}#/projects`, APP_URL)).toBe(true)
    expect(isAppUrl('crm://app/', APP_URL)).toBe(true)
    for (const url of ['crm://evil/index.html', 'crm://app:1/index.html', 'data:text/html,x', 'javascript:alert(1)', 'about:blank', 'file:///etc/passwd', 'http://app/index.html']) {
      expect(isAppUrl(url, APP_URL), url).toBe(false)
    }
  })
})

// ---- Content security policy ----------------------------------------------------------------------

function directives(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>()
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/)
    if (name) map.set(name.toLowerCase(), sources)
  }
  return map
}

function metaPolicy(html: string): string {
  const match = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html)
  if (!match) throw new Error('no Content-Security-Policy meta tag')
  return match[1]!
}

function expectStrict(policy: string, where: string): Map<string, string[]> {
  const csp = directives(policy)
  expect(csp.get('default-src'), where).toEqual(["'self'"])
  expect(csp.get('script-src'), where).toEqual(["'self'"])
  expect(csp.get('object-src'), where).toEqual(["'none'"])
  expect(csp.get('base-uri'), where).toEqual(["'none'"])
  expect(csp.get('connect-src'), where).toEqual(["'self'"])
  expect(policy, where).not.toMatch(/unsafe-eval|wasm-unsafe-eval|unsafe-hashes|strict-dynamic/)
  // No remote source anywhere: no scheme-wide http(s):, no host, no wildcard.
  for (const [name, sources] of csp) {
    for (const source of sources) {
      expect(`${name} ${source}`, where).toMatch(/^[a-z-]+ ('self'|'none'|'unsafe-inline'|data:|blob:)$/)
    }
  }
  // 'unsafe-inline' only for styles (antd's css-in-js), never for scripts.
  for (const [name, sources] of csp) if (sources.includes("'unsafe-inline'")) expect(name, where).toBe('style-src')
  return csp
}

describe('content security policy', () => {
  it('the header (Electron and browser mode) is strict and forbids framing', () => {
    const csp = expectStrict(CONTENT_SECURITY_POLICY, 'electron/csp.ts')
    expect(csp.get('frame-ancestors')).toEqual(["'none'"])
    expect(csp.get('form-action')).toEqual(["'none'"])
  })

  it('the meta tag of renderer/index.html is as strict and agrees with the header', () => {
    const meta = metaPolicy(read('renderer/index.html'))
    const csp = expectStrict(meta, 'renderer/index.html')
    const header = directives(CONTENT_SECURITY_POLICY)
    // frame-ancestors is ignored in a meta tag: the header carries it.
    for (const [name, sources] of csp) expect(sources, name).toEqual(header.get(name))
    for (const name of header.keys()) if (name !== 'frame-ancestors') expect(csp.has(name), name).toBe(true)
  })

  it('the built page keeps the meta tag', () => {
    expectStrict(metaPolicy(readBuilt('out/renderer/index.html')), 'out/renderer/index.html')
  })
})

// ---- security.ts with a fake electron ---------------------------------------------------------

type Listener = (...args: unknown[]) => unknown

function fakeElectron() {
  const appListeners = new Map<string, Listener>()
  const opened: string[] = []
  const session = {
    permissionRequest: null as Listener | null,
    permissionCheck: null as Listener | null,
    headers: null as Listener | null,
    beforeRequest: null as Listener | null,
    setPermissionRequestHandler(handler: Listener) {
      this.permissionRequest = handler
    },
    setPermissionCheckHandler(handler: Listener) {
      this.permissionCheck = handler
    },
    webRequest: {
      onHeadersReceived: (handler: Listener) => (session.headers = handler),
      onBeforeRequest: (handler: Listener) => (session.beforeRequest = handler),
    },
  }
  const electron = {
    app: { on: (event: string, listener: Listener) => appListeners.set(event, listener) },
    shell: { openExternal: (url: string) => (opened.push(url), Promise.resolve()) },
  }
  return { electron, session, appListeners, opened }
}

function fakeContents() {
  const listeners = new Map<string, Listener>()
  let windowOpen: Listener | null = null
  return {
    listeners,
    on: (event: string, listener: Listener) => listeners.set(event, listener),
    setWindowOpenHandler: (handler: Listener) => (windowOpen = handler),
    openWindow: (url: string) => windowOpen!({ url }),
    fire(event: string, url?: string) {
      let prevented = false
      listeners.get(event)!({ preventDefault: () => (prevented = true) }, url)
      return prevented
    },
  }
}

describe('security.ts, run against a fake electron', () => {
  afterEach(() => {
    vi.doUnmock('electron')
    vi.resetModules()
  })

  async function load() {
    const fake = fakeElectron()
    vi.resetModules()
    vi.doMock('electron', () => ({ ...fake.electron, default: fake.electron }))
    const security = await import('../../electron/main/security')
    return { ...fake, security }
  }

  it('denies every permission request and check', async () => {
    const { session, security } = await load()
    security.hardenSession(session as never)
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fileSystem']) {
      let granted: boolean | null = null
      session.permissionRequest!(null, permission, (answer: boolean) => (granted = answer))
      expect(granted, permission).toBe(false)
      expect(session.permissionCheck!(null, permission)).toBe(false)
    }
  })

  it('sets the CSP on every response and cancels every remote request and every file', async () => {
    const { session, security } = await load()
    security.hardenSession(session as never)
    let headers: Record<string, string[]> = {}
    session.headers!({ responseHeaders: { 'X-Other': ['1'] } }, (answer: { responseHeaders: Record<string, string[]> }) => (headers = answer.responseHeaders))
    expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY])
    const cancelled = (url: string) => {
      let cancel: boolean | null = null
      session.beforeRequest!({ url }, (answer: { cancel: boolean }) => (cancel = answer.cancel))
      return cancel
    }
    for (const url of ['https://evil.example/x.js', 'http://127.0.0.1:9/', 'ws://evil.example/', 'ftp://x/', 'https://fonts.googleapis.com/css']) {
      expect(cancelled(url), url).toBe(true)
    }
    expect(cancelled(APP_FILE)).toBe(true)
    expect(cancelled('file:///etc/passwd')).toBe(true)
    expect(cancelled(APP_URL)).toBe(false)
    expect(cancelled('data:image/png;base64,AAAA')).toBe(false)
    // Without a dev server (a packaged build) localhost is remote like any other host.
    expect(cancelled(`${DEV}/src/main.tsx`)).toBe(true)
    const dev = await load()
    dev.security.hardenSession(dev.session as never, DEV)
    let cancel: boolean | null = null
    dev.session.beforeRequest!({ url: `${DEV}/src/main.tsx` }, (answer: { cancel: boolean }) => (cancel = answer.cancel))
    expect(cancel).toBe(false)
  })

  it('blocks navigation away from the app, webviews and new windows', async () => {
    const { appListeners, opened, security } = await load()
    security.hardenContents(APP_URL)
    const contents = fakeContents()
    appListeners.get('web-contents-created')!({}, contents)
    expect(contents.fire('will-attach-webview')).toBe(true)
    for (const event of ['will-navigate', 'will-redirect']) {
      expect(contents.fire(event, 'https://evil.example/'), event).toBe(true)
      expect(contents.fire(event, 'file:///etc/passwd'), event).toBe(true)
      expect(contents.fire(event, APP_FILE), event).toBe(true)
      expect(contents.fire(event, `${APP_URL}#/projects`), event).toBe(false)
    }
    for (const url of ['https://www.gov.cn/', 'http://evil.example/', 'javascript:alert(1)', 'file:///etc/passwd', APP_URL]) {
      expect(contents.openWindow(url), url).toEqual({ action: 'deny' })
    }
    // A link in data (an investor's website) never reaches the system browser.
    expect(opened).toEqual([])
  })
})

// ---- The main process and the preload, as built ---------------------------------------------------

describe('main process source', () => {
  const { from, text } = mainSource()

  it(`asks for the single-instance lock and enables the sandbox for every renderer (${from})`, () => {
    expect(text).toMatch(/requestSingleInstanceLock\(\)/)
    expect(text).toMatch(/app\.enableSandbox\(\)/)
  })

  it(`denies permissions, new windows, webviews and foreign navigation (${from})`, () => {
    expect(text).toMatch(/setPermissionRequestHandler\(\(?[^)]*\)?\s*=>\s*callback\(false\)\)/)
    expect(text).toMatch(/setPermissionCheckHandler\(\(\)\s*=>\s*false\)/)
    expect(text).toMatch(/setWindowOpenHandler\(/)
    expect(text).toMatch(/action:\s*["']deny["']/)
    expect(text).not.toMatch(/action:\s*["']allow["']/)
    expect(text).toMatch(/["']will-navigate["'][^]{0,200}isAppUrl\([^]{0,100}preventDefault\(\)/)
    expect(text).toMatch(/["']will-attach-webview["'][^]{0,80}preventDefault\(\)/)
    // Every openExternal is behind the external-URL policy.
    for (const line of text.split('\n').filter((l) => l.includes('openExternal('))) expect(line).toMatch(/isAppExternalLink\(/)
  })

  it(`serves the renderer on crm://app, never file://, and trusts the dev server only unpackaged (${from})`, () => {
    expect(text).toMatch(/registerSchemesAsPrivileged\(/)
    // V8's code cache is kept for http(s) only, unless the scheme asks for it (with standard).
    expect(text).toMatch(/registerSchemesAsPrivileged\(\[\{[^\]]*standard:\s*(true|!0)[^\]]*codeCache:\s*(true|!0)/)
    expect(text).toMatch(/protocol\.handle\(/)
    expect(text).toMatch(/trustedRendererUrl\((electron\.)?app\.isPackaged/)
    expect(text).toMatch(/app\.isPackaged \? (undefined|void 0) : process\.env\.ELECTRON_RENDERER_URL/)
    expect(text).not.toMatch(/pathToFileURL\([^)]*renderer/)
  })

  it(`never weakens the window anywhere (${from})`, () => {
    expect(text).not.toMatch(/nodeIntegration:\s*true|contextIsolation:\s*false|sandbox:\s*false|webSecurity:\s*false|allowRunningInsecureContent:\s*true|webviewTag:\s*true/)
    expect(text).toMatch(/webPreferences:\s*windowPreferences\(/)
  })

  // The check stays in main; the call then goes to the backend process (electron/main/backend.ts).
  it(`answers IPC on one channel only, after checking the sender frame (${from})`, () => {
    expect(text.match(/ipcMain\.handle\(/g)).toHaveLength(1)
    expect(text).not.toMatch(/ipcMain\.on\(|ipcMain\.handleOnce\(/)
    expect(text).toMatch(/ipcMain\.handle\(INVOKE_CHANNEL,[^]{0,200}if \(!isTrustedSender\(event\)\)[^]{0,200}forbidden[^]{0,200}client\.call\(/)
    expect(text).toMatch(/function isTrustedSender\([^]{0,300}senderFrame[^]{0,300}mainFrame[^]{0,200}isAppUrl\(/)
  })
})

describe('preload', () => {
  function runPreload(code: string) {
    const exposed = new Map<string, Record<string, unknown>>()
    const invoked: unknown[][] = []
    const listeners = new Map<string, Listener>()
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: Record<string, unknown>) => exposed.set(key, api) },
      ipcRenderer: {
        invoke: (...args: unknown[]) => (invoked.push(args), Promise.resolve({ ok: true, value: null })),
        on: (channel: string, listener: Listener) => listeners.set(channel, listener),
        removeListener: (channel: string) => listeners.delete(channel),
      },
    }
    const require = (name: string) => {
      if (name === 'electron') return electron
      throw new Error(`the sandboxed preload may not require ${name}`)
    }
    runInNewContext(code, { require, module: { exports: {} }, exports: {}, console })
    return { exposed, invoked, listeners }
  }

  it('out/preload/index.cjs exposes exactly invoke and on, and requires nothing but electron', async () => {
    const { exposed, invoked, listeners } = runPreload(readBuilt('out/preload/index.cjs'))
    expect([...exposed.keys()]).toEqual(['crm'])
    const bridge = exposed.get('crm')!
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on'])
    await (bridge.invoke as (m: unknown, i: unknown) => Promise<unknown>)({ toString: () => 'app-info' }, { a: 1 })
    expect(invoked).toEqual([['crm:invoke', 'app-info', { a: 1 }]])
    const seen: unknown[] = []
    const off = (bridge.on as (e: string, l: Listener) => () => void)('progress', (payload) => seen.push(payload))
    listeners.get('crm:event')!({}, { event: 'reminders-due', payload: 1 })
    listeners.get('crm:event')!({}, { event: 'progress', payload: 2 })
    listeners.get('crm:event')!({}, null)
    expect(seen).toEqual([2])
    off()
    expect(listeners.has('crm:event')).toBe(false)
  })

  it('the preload source exposes one object with exactly invoke and on', () => {
    const source = read('electron/preload/index.ts')
    expect(source.match(/exposeInMainWorld\(/g)).toHaveLength(1)
    expect(source).toMatch(/exposeInMainWorld\('crm', bridge\)/)
    const bridge = /const bridge: CrmBridge = \{([^]*)\n\}/.exec(source)![1]!
    const keys = [...bridge.matchAll(/^ {2}(\w+):/gm)].map((m) => m[1])
    expect(keys).toEqual(['invoke', 'on'])
    expect(source).not.toMatch(/ipcRenderer\.(send|sendSync|postMessage)\(|require\(|process\./)
  })
})

describe('Electron fuses for packaged builds (scripts/fuses.cjs, electron-builder afterPack)', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fuses = require('../../scripts/fuses.cjs') as { FUSES: Record<number, unknown>; electronBinary(context: unknown): string; default: unknown }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { FuseV1Options } = require('@electron/fuses') as typeof import('@electron/fuses')

  it('turns off run-as-node, NODE_OPTIONS and --inspect, and loads only the integrity-checked asar', () => {
    expect(fuses.FUSES).toMatchObject({
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    })
    expect(typeof fuses.default).toBe('function')
  })

  it('finds the binary electron-builder laid out, per platform', () => {
    const context = (platform: string) => ({
      appOutDir: '/dist/out',
      electronPlatformName: platform,
      packager: { appInfo: { productFilename: '招商引资CRM' }, executableName: 'zhaoshang-crm' },
    })
    expect(fuses.electronBinary(context('win32'))).toBe(join('/dist/out', '招商引资CRM.exe'))
    expect(fuses.electronBinary(context('darwin'))).toBe(join('/dist/out', '招商引资CRM.app'))
    expect(fuses.electronBinary(context('linux'))).toBe(join('/dist/out', 'zhaoshang-crm'))
  })
})
