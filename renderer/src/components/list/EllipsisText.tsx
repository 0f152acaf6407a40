// One line of a table cell: cut with an ellipsis when it does not fit, the whole text in a
// tooltip — only when it was cut, so short values do not pop tooltips at every mouse move.
import { Tooltip } from 'antd'
import { type ReactNode, useRef, useState } from 'react'

export function EllipsisText({ children, title }: { children: ReactNode; title?: ReactNode }) {
  const ref = useRef<HTMLSpanElement>(null)
  const [open, setOpen] = useState(false)
  const cut = () => !!ref.current && ref.current.scrollWidth > ref.current.clientWidth
  return (
    <Tooltip title={title ?? children} open={open} onOpenChange={(next) => setOpen(next && cut())} placement="topLeft">
      <span ref={ref} className="list-ellipsis">
        {children}
      </span>
    </Tooltip>
  )
}
