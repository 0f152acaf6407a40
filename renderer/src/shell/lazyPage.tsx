// A page in its own chunk, loaded when it is first opened, with a quiet spinner meanwhile. Called
// once per page at module level (App.tsx for the areas, an area's index for its own pages), never
// during render. Once the first page has settled, preloadPagesWhenIdle() fetches the other pages in
// the background, so that opening one later is instant; pages declared by a chunk that comes after
// that (an area's own pages) start loading as they are declared.
// The page the window opens on is asked for at once (App.tsx); the first render waits for it (main.tsx).
import { Spin } from 'antd'
import { type ComponentType, Suspense, lazy } from 'react'

const loaders: (() => Promise<unknown>)[] = []
/** Set once the idle preload has begun: from then on every page declared loads at once. */
let preloading = false

const preload = (load: () => Promise<unknown>) => void load().catch(() => {})

/** A lazy page that can also be asked to start loading before it renders. */
export type LazyPage = ComponentType & { preload(): Promise<void> }

export function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): LazyPage {
  let loading: Promise<Record<K, ComponentType>> | null = null
  let loaded: Record<K, ComponentType> | null = null
  // A chunk that has already come is handed over at once (a thenable that calls back right away,
  // which React's lazy reads without suspending): the window's first page then renders with the
  // shell instead of behind a spinner, revealed in a second render that React holds back ~300 ms.
  const lazyComponent = () =>
    lazy((): Promise<{ default: ComponentType }> => {
      if (!loaded) return loadOnce().then((chunk) => ({ default: chunk[name] }))
      const page = { default: loaded[name] }
      return { then: (resolve: (value: typeof page) => unknown) => resolve(page) } as Promise<typeof page>
    })
  let Page = lazyComponent()
  // A chunk that could not be fetched (the server restarting, the network) is asked for again the
  // next time: the page error's 重新载入此页, or opening the page after a failed idle preload.
  // React's lazy keeps a failure for good, hence a new one.
  const loadOnce = () =>
    (loading ??= load().then(
      (chunk) => {
        loaded = chunk
        return chunk
      },
      (error: unknown) => {
        loading = null
        Page = lazyComponent()
        throw error
      },
    ))
  loaders.push(loadOnce)
  if (preloading) preload(loadOnce)
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
 * Loads every page's chunk when the browser is idle once the first page has settled: its own chunk
 * has come and no API call has been in flight at two checks a second apart. Counting 2 s from the
 * start instead, a slow or busy machine parsed the reports' megabyte while the first page was still
 * waiting for its rows (bench case 9's timeline showed it in the long task before the first row).
 */
export function preloadPagesWhenIdle(firstPage: LazyPage, calling: () => boolean): () => void {
  let idle = 0
  let timer = 0
  let cancelled = false
  const whenQuiet = (quietChecks: number) => {
    timer = window.setTimeout(() => {
      if (calling()) return whenQuiet(0)
      if (quietChecks < 1) return whenQuiet(quietChecks + 1)
      idle = window.requestIdleCallback(() => {
        preloading = true
        loaders.forEach(preload)
      })
    }, 1000)
  }
  void firstPage.preload().then(() => {
    if (!cancelled) whenQuiet(0)
  })
  return () => {
    cancelled = true
    window.clearTimeout(timer)
    if (idle) window.cancelIdleCallback(idle)
  }
}
