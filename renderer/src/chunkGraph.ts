// What the build (renderer/build/classicChunks.ts) writes into index.html for the window's chunk
// loader (chunkLoader.ts): per chunk, the chunks it imports and its stylesheets. The loader runs as
// a script of its own and imports types only, so it spells closureOf out again for the window.
export interface ChunkGraph {
  /** the build's base ("./"): the files below are named from it */
  base: string
  /** the chunk index.html opens with */
  entry: string
  chunks: Record<string, { imports: string[]; css: string[] }>
}

/** A chunk and every chunk it imports, imports first: the order their code runs in. */
export function closureOf(graph: ChunkGraph, file: string): string[] {
  const order: string[] = []
  const seen = new Set<string>()
  const visit = (next: string) => {
    if (seen.has(next)) return
    seen.add(next)
    graph.chunks[next]!.imports.forEach(visit)
    order.push(next)
  }
  visit(file)
  return order
}
