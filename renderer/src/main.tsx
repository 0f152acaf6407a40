// First: antd's prebuilt styles (theme.ts, zeroRuntime) come before every stylesheet of the app,
// which override some of them.
import 'antd/dist/antd.css'
import { QueryClientProvider } from '@tanstack/react-query'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { HashRouter } from 'react-router-dom'
import { App, OPENING_AREA } from './App'
import { browserSessionId } from './api/client'
import { startBackendEvents } from './api/events'
import { newQueryClient } from './api/queryClient'
import { ErrorBoundary } from './components/ErrorBoundary'
import './i18n'
import { askOpeningQueries } from './shell/openingQueries'
import { WindowError } from './shell/WindowError'
import './styles.css'

const queryClient = newQueryClient()
// Writes made elsewhere (another window, the command line, an import, the team's hub) refresh
// the queries that read what they changed.
startBackendEvents(queryClient)
const openingCalls = askOpeningQueries(queryClient, window.location.hash)

// The first render waits for the opening page's chunk (asked for while App.tsx's imports ran), in
// browser mode for this tab's session (so the calls above are on their way before the render takes
// the main thread), and for those calls' answers, so that the page shows its rows in the render
// that first paints it. Rendered earlier, the shell showed a spinner where the page goes, the page
// came in a second render (React holds a Suspense reveal back ~300 ms, then renders it in slices),
// asked for its rows only then and laid its table out twice: bench case 9's first rows came 1.3 s
// after the first paint. The chunk comes from the app's own files and the session from the local
// server (or no other tab answers within a second); the calls depend on the database, so they are
// waited for at most FIRST_ROWS_WAIT_MS more: a slow answer (a cold disk) then comes into a page
// already showing its loading table, as before, instead of keeping the window blank.
const FIRST_ROWS_WAIT_MS = 300
const render = () =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <HashRouter>
          <ErrorBoundary fallback={(error) => <WindowError error={error} />}>
            <App />
          </ErrorBoundary>
        </HashRouter>
      </QueryClientProvider>
    </StrictMode>,
  )
// Rendered whatever happens to the waits: a failure shows in the page that renders, never as a
// blank window.
void Promise.all([OPENING_AREA.preload(), browserSessionId])
  .then(() => Promise.race([openingCalls, new Promise((resolve) => setTimeout(resolve, FIRST_ROWS_WAIT_MS))]))
  .then(render, render)
