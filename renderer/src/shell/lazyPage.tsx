// A page in its own chunk, loaded when it is first opened, with a quiet spinner meanwhile. Called
// once per page at module level (App.tsx), never during render. Once the first page has settled,
// preloadPages() fetches the other pages in the background, so that opening one later is instant.
// The page the window opens on is asked for at once (App.tsx), beside the shell's first render.
import { Spin } from 'antd'
import { type ComponentType, Suspense, lazy } from 'react'

const loaders: (() => Promise<unknown>)[] = []

/** A lazy page that can also be asked to start loading before it renders. */
export type LazyPage = ComponentType & { preload(): Promise<void> }

export function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): LazyPage {
  let loading: Promise<Record<K, ComponentType>> | null = null
  const loadOnce = () => (loading ??= load())
  loaders.push(loadOnce)
  const Page = lazy(async (): Promise<{ default: ComponentType }> => ({ default: (await loadOnce())[name] }))
  function LazyPage() {
    return (
      <Suspense
        fallback={
          <div style={{ padding: 48, textAlign: 'center' }}>
            <Spin />
          </div>
        }
      >
        <Page />
      </Suspense>
    )
  }
  LazyPage.displayName = name
  LazyPage.preload = () => loadOnce().then(
    () => undefined,
    () => undefined,
  )
  return LazyPage
}

/**
 * Loads every page's chunk when the browser is idle, a moment after the first page's own chunk has
 * come (counting from the start instead, on a slow or busy machine the reports' megabyte was parsed
 * while the first page was still waiting for its rows).
 */
export function preloadPagesWhenIdle(firstPage: LazyPage): () => void {
  let idle = 0
  let timer = 0
  let cancelled = false
  void firstPage.preload().then(() => {
    if (cancelled) return
    timer = window.setTimeout(() => {
      idle = window.requestIdleCallback(() => loaders.forEach((load) => void load().catch(() => {})))
    }, 2000)
  })
  return () => {
    cancelled = true
    window.clearTimeout(timer)
    if (idle) window.cancelIdleCallback(idle)
  }
}
