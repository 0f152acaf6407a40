// The calls the window's first page makes, asked as soon as the script runs: the page's own chunk is
// still loading then, and its queries would otherwise start only after its first render (bench
// case 9 saw project-list asked 600 ms after the first paint). The page then finds its answers in
// the query cache under the same keys (api/hooks.ts apiQuery) and shows its rows in its first
// render. Only the opening address is asked for; later navigation asks as the pages render.
import type { QueryClient } from '@tanstack/react-query'
import { apiQuery } from '../api/hooks'
import { projectListInputOf } from '../pages/projects/filters'
import { routeOf } from './route'

type AskedQuery = ReturnType<typeof apiQuery>

/** What the shell around every page asks: the user switcher and reminders, the welcome. */
const SHELL_QUERIES = (): AskedQuery[] => [apiQuery('session-get', {}), apiQuery('user-list', {}), apiQuery('app-info', {})]

/**
 * What a page asks when the window opens on it, by the route's path (exact). Each entry must build
 * its input as the page does; tests/e2e/first-rows.test.ts fails when the page asks again.
 */
const PAGE_QUERIES: Record<string, (search: URLSearchParams) => AskedQuery[]> = {
  // The list page's table and its filter bar's park picker (ParkSelect without a district).
  '/projects': (search) => [apiQuery('project-list', projectListInputOf(search)), apiQuery('park-list', { districtId: undefined })],
}

/**
 * Starts the opening page's calls (and the shell's) into the cache; settles when all have answered.
 * It never rejects: an error stays in the cache, and the page asks again and shows it.
 */
export async function askOpeningQueries(queryClient: QueryClient, hash: string): Promise<void> {
  const { path, search } = routeOf(hash)
  await Promise.all([...SHELL_QUERIES(), ...(PAGE_QUERIES[path]?.(search) ?? [])].map((query) => queryClient.prefetchQuery(query)))
}
