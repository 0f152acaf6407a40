// Where a window's address points, read without the URL parser (whose base would have to be a
// made-up remote address in the bundle: tests/unit/no-remote-urls.test.ts).

/** The route of a hash address ('#/projects?stage=signed'): its path and search. */
export function routeOf(hash: string): { path: string; search: URLSearchParams } {
  const address = hash.replace(/^#/, '')
  const query = address.indexOf('?')
  const path = (query < 0 ? address : address.slice(0, query)) || '/'
  return { path: path.replace(/(.)\/$/, '$1'), search: new URLSearchParams(query < 0 ? '' : address.slice(query + 1)) }
}
