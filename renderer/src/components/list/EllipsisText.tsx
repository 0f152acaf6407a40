// One line of a table cell: cut with an ellipsis when it does not fit, the whole text in a
// tooltip — only when it was cut, so short values do not pop tooltips at every mouse move.
//
// The tooltip is made when the pointer first comes over a cut text, not with the cell: a page of
// 50 rows has some 400 such cells, and an antd Tooltip apiece was about a fifth of the table's
// first render (bench case 9's profile).
import { Tooltip } from 'antd'
import { type ReactNode, useEffect, useRef, useState } from 'react'

export function EllipsisText({ children, title }: { children: ReactNode; title?: ReactNode }) {
  const ref = useRef<HTMLSpanElement>(null)
  const [tooltip, setTooltip] = useState(false)
  const [open, setOpen] = useState(false)
  const cut = () => !!ref.current && ref.current.scrollWidth > ref.current.clientWidth

  // Made under the pointer, the tooltip never saw the pointer come in, so it would not see it go
  // either: an open tooltip closes at the first move anywhere else.
  useEffect(() => {
    if (!open) return
    const away = (event: PointerEvent) => {
      if (!ref.current?.contains(event.target as Node)) setOpen(false)
    }
    document.addEventListener('pointermove', away)
    return () => document.removeEventListener('pointermove', away)
  }, [open])

  const firstHover = () => {
    if (!cut()) return
    setTooltip(true)
    setOpen(true)
  }
  const text = (
    <span ref={ref} className="list-ellipsis" onMouseEnter={tooltip ? undefined : firstHover}>
      {children}
    </span>
  )
  if (!tooltip) return text
  return (
    <Tooltip title={title ?? children} open={open} onOpenChange={(next) => setOpen(next && cut())} placement="topLeft">
      {text}
    </Tooltip>
  )
}
