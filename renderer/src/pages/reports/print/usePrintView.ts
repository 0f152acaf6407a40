// The print view is a URL flag (print=1): the sider, header and controls hide (reports.css), and
// when the 打印 button opened it, the browser's print dialog follows once the charts have drawn.
import { useCallback, useEffect } from 'react'
import { useLocation, useNavigate, useSearchParams } from 'react-router-dom'

const CHART_DRAW_MS = 800

export function usePrintView() {
  const [query, setQuery] = useSearchParams()
  const location = useLocation()
  const navigate = useNavigate()
  const printing = query.get('print') === '1'
  const autoPrint = (location.state as { autoPrint?: boolean } | null)?.autoPrint === true

  useEffect(() => {
    document.body.classList.toggle('reports-print', printing)
    return () => document.body.classList.remove('reports-print')
  }, [printing])

  useEffect(() => {
    if (!printing || !autoPrint) return
    // The router shows a URL the user went to (back, the address bar) only once React has rendered
    // it: a task or more after the browser has it, longer while that page's code loads. Should the
    // timer run in between, the replace below would overwrite the user's new URL with the print
    // view's, and the page would print. A URL no longer the one shown here means the user has left:
    // do nothing, the router is about to follow and drop this timer (the request stays on the print
    // view's history entry: coming back to it prints, once).
    const shownUrl = window.location.hash
    const timer = setTimeout(() => {
      if (window.location.hash !== shownUrl) return
      // Print once per click, not again on reload or back.
      navigate({ pathname: location.pathname, search: location.search }, { replace: true, state: null })
      window.print()
    }, CHART_DRAW_MS)
    return () => clearTimeout(timer)
  }, [printing, autoPrint, navigate, location.pathname, location.search])

  const open = useCallback(
    () =>
      setQuery(
        (current) => {
          const next = new URLSearchParams(current)
          next.set('print', '1')
          return next
        },
        { state: { autoPrint: true } },
      ),
    [setQuery],
  )
  const close = useCallback(
    () =>
      setQuery((current) => {
        const next = new URLSearchParams(current)
        next.delete('print')
        return next
      }),
    [setQuery],
  )
  return { printing, open, close, print: () => window.print() }
}
