// Issue 16: the installer configuration (electron-builder.yml) checked with electron-builder's own
// code, as far as this machine allows (no Electron binary, no network, so no real packaging):
// - the file loads and passes electron-builder's schema, with the targets and arches the offices need;
// - the afterPack hook, the icon and the update provider are in place;
// - electron-builder's own file matchers, applied to this repository after a build, pick exactly the
//   built app (out/main, out/preload, out/renderer and package.json: no sources, tests, bench, maps);
// - of the production node_modules, everything the built main process loads is packaged, the
//   native better-sqlite3 is unpacked beside app.asar, and electron itself is not copied in.
// Needs a build: npx electron-vite build (npm test builds first).
import { spawnSync } from 'node:child_process'
import { existsSync, lstatSync, readFileSync, readdirSync } from 'node:fs'
import { builtinModules, createRequire } from 'node:module'
import { join, relative, sep } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'

const ROOT = join(__dirname, '..', '..')
const require = createRequire(import.meta.url)

type Filter = (file: string, stat: ReturnType<typeof lstatSync> & { moduleFullFilePath?: string }) => boolean
type Matcher = { createFilter(): Filter; patterns: string[] }
type TargetList = { target: string; arch: string[] }[]
type Config = Record<string, unknown> & {
  files: string[]
  asarUnpack: string[]
  afterPack: string
  npmRebuild: boolean
  publish: { provider: string; url: string }
  directories: { output: string; buildResources: string }
  win: { icon: string; target: TargetList }
  mac: { icon: string; target: TargetList }
  linux: { icon: string; target: TargetList; executableName: string; maintainer: string }
}

const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  getConfig(projectDir: string, configPath: string | null, fromOptions: null): Promise<Config>
  validateConfiguration(config: Config, logger: unknown): Promise<void>
}
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => { isEnabled: boolean } }
const fileMatcher = require('app-builder-lib/out/fileMatcher') as {
  getMainFileMatchers(appDir: string, destination: string, expand: (p: string) => string, options: object, packager: object, outDir: string, electronCompile: boolean): Matcher[]
  getNodeModuleFileMatcher(appDir: string, destination: string, expand: (p: string) => string, options: object, packager: object): Matcher
  getFileMatchers(config: Config, name: 'asarUnpack', destination: string, options: object): Matcher[] | null
}

let config: Config
beforeAll(async () => {
  config = await getConfig(ROOT, null, null)
})

const arches = (targets: TargetList, name: string) => targets.find((t) => t.target === name)?.arch

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema", async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined()
  })

  it('builds NSIS x64 for Windows, .deb and AppImage for x64 and arm64 Linux, .dmg for macOS', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }])
    expect(arches(config.linux.target, 'deb')).toEqual(['x64', 'arm64'])
    expect(arches(config.linux.target, 'AppImage')).toEqual(['x64', 'arm64'])
    expect(config.linux.target).toHaveLength(2)
    expect(config.mac.target.map((t) => t.target)).toEqual(['dmg'])
    // .deb refuses to build without a maintainer; an ASCII executable name for desktop files and shells
    expect(config.linux.maintainer).toMatch(/<[^>]+@[^>]+>/)
    expect(config.linux.executableName).toMatch(/^[a-z0-9-]+$/)
  })

  it('flips the fuses after packing, with the hook electron-builder will require()', () => {
    expect(config.afterPack).toBe('scripts/fuses.cjs')
    const hook = require(join(ROOT, config.afterPack)) as { default?: unknown }
    expect(typeof hook).toBe('function')
    expect(hook.default).toBe(hook)
  })

  it('has a 512×512 PNG icon for every platform (the size electron-builder needs for .icns and .ico)', () => {
    for (const platform of [config.win, config.mac, config.linux]) {
      const png = readFileSync(join(ROOT, platform.icon))
      expect(png.subarray(1, 4).toString()).toBe('PNG')
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512])
    }
  })

  it('rebuilds better-sqlite3 for Electron in the package and writes update files for a generic server', () => {
    expect(config.npmRebuild).toBe(true)
    expect(config.publish.provider).toBe('generic')
    // a placeholder on a reserved domain: the app itself only asks the server an office configures
    expect(new URL(config.publish.url).hostname).toMatch(/\.invalid$/)
  })
})

/** Every file under dir (relative, with /), skipping what electron-builder never walks into here. */
function filesUnder(dir: string, keep: (path: string, isDir: boolean) => boolean, base = dir): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    const isDir = lstatSync(path).isDirectory()
    if (!keep(path, isDir)) continue
    if (isDir) out.push(...filesUnder(path, keep, base))
    else out.push(relative(base, path).split(sep).join('/'))
  }
  return out
}

function fakePackager(config: Config) {
  const debugLogger = { isEnabled: false, add() {} }
  const info = { projectDir: ROOT, buildResourcesDir: config.directories.buildResources, config, isPrepackedAppAsar: false, debugLogger }
  return { info, config, debugLogger }
}

describe('what goes into the package', () => {
  const built = join(ROOT, 'out', 'main', 'index.cjs')
  const identity = (pattern: string) => pattern

  beforeAll(() => {
    if (!existsSync(built)) throw new Error('out/ 中没有构建结果：请先运行 npx electron-vite build')
  })

  function packagedAppFiles(): string[] {
    const packager = fakePackager(config)
    const [matcher] = fileMatcher.getMainFileMatchers(ROOT, '/app', identity, {}, packager, join(ROOT, config.directories.output), false)
    const filter = matcher!.createFilter()
    return filesUnder(ROOT, (path, isDir) => {
      if (isDir && (path.endsWith(`${sep}node_modules`) || path.endsWith(`${sep}.git`))) return false
      return filter(path, lstatSync(path))
    })
  }

  it('holds the built main process, preload and renderer, and nothing else of the repository', () => {
    const files = packagedAppFiles()
    expect(files).toContain('out/main/index.cjs')
    expect(files).toContain('out/preload/index.cjs')
    expect(files).toContain('out/renderer/index.html')
    expect(files.some((file) => /^out\/renderer\/assets\/.+\.js$/.test(file))).toBe(true)
    expect(files).toContain('package.json')
    const outside = files.filter((file) => !/^out\/(?:main|preload|renderer)\//.test(file) && file !== 'package.json')
    // a new folder under out/ (a second entry point) is allowed only if it is not the CLI bundle
    expect(outside.filter((file) => !file.startsWith('out/') || file.startsWith('out/cli/') || file === 'out/.built')).toEqual([])
    expect(files.filter((file) => /\.(?:ts|tsx|map)$|(?:^|\/)(?:tests?|bench|docs|scripts)\//.test(file))).toEqual([])
  })

  it('packages every module the built app loads from node_modules, unpacks the native one, and leaves electron out', () => {
    // The production dependency tree, as electron-builder collects it with npm (dev dependencies omitted).
    // (npm ls exits non-zero for unrelated problems of this checkout, such as electron's skipped download; the list is still whole.)
    const tree = spawnSync('npm', ['ls', '--omit', 'dev', '--include', 'optional', '--all', '--parseable'], { cwd: ROOT, encoding: 'utf8' }).stdout
    const production = new Set(
      tree
        .split('\n')
        .map((line) => relative(join(ROOT, 'node_modules'), line.trim()).split(sep).join('/'))
        .filter((name) => name && !name.startsWith('..')),
    )
    const nodeModuleFilter = fileMatcher.getNodeModuleFileMatcher(ROOT, '/app', identity, {}, fakePackager(config)).createFilter()
    const packaged = (name: string) => {
      const file = join(ROOT, 'node_modules', name, 'package.json')
      return production.has(name) && nodeModuleFilter(file, Object.assign(lstatSync(file), { moduleFullFilePath: `node_modules/${name}/package.json` }))
    }

    // What the built app loads by name: require("x") and require.resolve("x") in every built script but the renderer's.
    const scripts = filesUnder(join(ROOT, 'out'), (path, isDir) => !isDir || !/[\\/]out[\\/](?:renderer|cli)$/.test(path)).filter((file) =>
      /\.(?:c|m)?js$/.test(file),
    )
    const loaded = new Set<string>()
    for (const script of scripts) {
      const text = readFileSync(join(ROOT, 'out', script), 'utf8')
      for (const [, name] of text.matchAll(/(?:require|\.resolve)\(\s*["']([^"'./][^"']*)["']\s*\)/g)) {
        const bare = name!.startsWith('@') ? name!.split('/').slice(0, 2).join('/') : name!.split('/')[0]!
        if (!bare.startsWith('node:') && !builtinModules.includes(bare) && bare !== 'electron') loaded.add(bare)
      }
    }
    expect([...loaded]).toEqual(expect.arrayContaining(['better-sqlite3', 'kysely', '@e965/xlsx']))
    expect([...loaded].filter((name) => !packaged(name))).toEqual([])
    expect(packaged('electron')).toBe(false)

    const [unpack] = fileMatcher.getFileMatchers(config, 'asarUnpack', '/app', { macroExpander: identity, customBuildOptions: {}, globalOutDir: join(ROOT, 'dist'), defaultSrc: ROOT })!
    const native = join(ROOT, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node')
    expect(unpack!.createFilter()(native, Object.assign(lstatSync(native), { moduleFullFilePath: 'node_modules/better-sqlite3/build/Release/better_sqlite3.node' }))).toBe(true)
  })
})

describe('the installers workflow (.github/workflows/installers.yml)', () => {
  type Step = { run?: string; uses?: string; with?: Record<string, string> }
  type Workflow = { jobs: Record<string, { 'runs-on': string; strategy: { matrix: { include: { os: string; targets: string }[] } }; steps: Step[] }> }
  const { load } = require('js-yaml') as { load(text: string): unknown }
  const workflow = load(readFileSync(join(ROOT, '.github', 'workflows', 'installers.yml'), 'utf8')) as Workflow
  const [job] = Object.values(workflow.jobs)

  it('builds on native Windows, macOS and Linux runners, Linux for x64 and arm64', () => {
    const matrix = job!.strategy.matrix.include
    expect(matrix.map((m) => m.os.split('-')[0])).toEqual(['windows', 'macos', 'ubuntu'])
    expect(matrix.find((m) => m.os.startsWith('ubuntu'))!.targets.split(' ')).toEqual(expect.arrayContaining(['--linux', '--x64', '--arm64']))
    expect(job!['runs-on']).toBe('${{ matrix.os }}')
  })

  it('installs from the lock file, builds the app, packages without publishing and keeps the installers', () => {
    const runs = job!.steps.map((step) => step.run).filter(Boolean)
    expect(runs).toEqual(['npm ci', 'npm run build', 'npx electron-builder ${{ matrix.targets }} --publish never'])
    const upload = job!.steps.find((step) => step.uses?.startsWith('actions/upload-artifact@'))
    for (const kind of ['exe', 'dmg', 'deb', 'AppImage', 'yml']) expect(upload!.with!.path).toContain(`dist/*.${kind}`)
  })
})
