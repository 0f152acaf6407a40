// The page's query cache and how it asks. The backend is on this laptop (IPC in the desktop shell,
// 127.0.0.1 in browser mode), so a laptop with no network must still read and write: react-query's
// default networkMode ('online') pauses every query and mutation while navigator.onLine is false
// (a laptop off the office network, Wi-Fi turned off), which left pages loading for ever.
import { QueryClient } from '@tanstack/react-query'

export function newQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { networkMode: 'always', retry: false, refetchOnWindowFocus: false, staleTime: 10_000 },
      mutations: { networkMode: 'always' },
    },
  })
}
