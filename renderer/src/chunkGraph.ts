// What the build (renderer/build/classicChunks.ts) writes into index.html for the window's chunk
// loader (chunkLoader.ts): per chunk, the chunks it imports and its stylesheets.
export interface ChunkGraph {
  /** the build's base ("./"): the files below are named from it */
  base: string
  /** the chunk index.html opens with */
  entry: string
  chunks: Record<string, { imports: string[]; css: string[] }>
}
