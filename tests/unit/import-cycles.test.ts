// No import cycles, type-only imports included. The lint rule (import-x/no-cycle) skips `import
// type`, yet a type cycle is the same smell: two files that are one job, or one in the wrong
// layer. So this test builds the whole graph with TypeScript's own resolver and looks for cycles.
import { readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const ROOT = join(__dirname, '..', '..')

/** Every source file of the Node, renderer and e2e projects. */
function sourceFiles(): string[] {
  const files = new Set<string>()
  for (const name of ['tsconfig.node.json', 'tsconfig.web.json', 'tsconfig.e2e.json']) {
    const path = join(ROOT, name)
    const config = ts.readConfigFile(path, ts.sys.readFile)
    const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT, undefined, path)
    for (const file of parsed.fileNames) if (!file.includes('node_modules') && !file.endsWith('.d.ts')) files.add(file)
  }
  return [...files]
}

function importGraph(files: readonly string[]): Map<string, string[]> {
  const options: ts.CompilerOptions = { moduleResolution: ts.ModuleResolutionKind.Bundler, allowJs: true, resolveJsonModule: true }
  const graph = new Map<string, string[]>()
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true)
    const targets: string[] = []
    for (const { fileName } of importedFiles) {
      if (!fileName.startsWith('.')) continue
      const resolved = ts.resolveModuleName(fileName, file, options, ts.sys).resolvedModule
      if (resolved && !resolved.isExternalLibraryImport && !resolved.resolvedFileName.endsWith('.d.ts')) targets.push(resolved.resolvedFileName)
    }
    graph.set(file, targets)
  }
  return graph
}

/** Strongly connected components with more than one file (Tarjan). */
function cycles(graph: Map<string, string[]>): string[][] {
  let index = 0
  const stack: string[] = []
  const on = new Set<string>()
  const indices = new Map<string, number>()
  const low = new Map<string, number>()
  const found: string[][] = []
  const visit = (node: string) => {
    indices.set(node, index)
    low.set(node, index++)
    stack.push(node)
    on.add(node)
    for (const next of graph.get(node) ?? []) {
      if (!indices.has(next)) {
        visit(next)
        low.set(node, Math.min(low.get(node)!, low.get(next)!))
      } else if (on.has(next)) low.set(node, Math.min(low.get(node)!, indices.get(next)!))
    }
    if (low.get(node) === indices.get(node)) {
      const component: string[] = []
      let member: string
      do {
        member = stack.pop()!
        on.delete(member)
        component.push(relative(ROOT, member))
      } while (member !== node)
      if (component.length > 1) found.push(component.sort())
    }
  }
  for (const node of graph.keys()) if (!indices.has(node)) visit(node)
  return found
}

describe('imports', () => {
  it('form no cycle, type-only imports included', () => {
    expect(cycles(importGraph(sourceFiles()))).toEqual([])
  })
})
