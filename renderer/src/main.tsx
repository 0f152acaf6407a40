// First: antd's prebuilt styles (theme.ts, zeroRuntime) come before every stylesheet of the app,
// which override some of them.
import 'antd/dist/antd.css'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { HashRouter } from 'react-router-dom'
import { App } from './App'
import { startBackendEvents } from './api/events'
import './i18n'
import './styles.css'

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 10_000 } },
})
// Writes made elsewhere (another window, the command line, an import, the team's hub) refresh
// the queries that read what they changed.
startBackendEvents(queryClient)

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <HashRouter>
        <App />
      </HashRouter>
    </QueryClientProvider>
  </StrictMode>,
)
