// One search hit: the marked title, where it belongs, and a marked excerpt.
import { useEffect, useRef } from 'react'
import type { SearchHit } from '../../../db/domain/search'
import { Marked } from './Marked'

interface Props {
  hit: SearchHit
  active: boolean
  onHover(): void
  onOpen(): void
}

export function SearchHitRow({ hit, active, onHover, onOpen }: Props) {
  const row = useRef<HTMLDivElement>(null)
  // Keyboard moves past the visible part of the list: keep the active row in view.
  useEffect(() => {
    if (active) row.current?.scrollIntoView({ block: 'nearest' })
  }, [active])
  const context = [hit.date, hit.investorName, hit.projectName].filter(Boolean).join(' · ')
  return (
    <div
      ref={row}
      role="option"
      aria-selected={active}
      className={active ? 'global-search-hit active' : 'global-search-hit'}
      onMouseMove={onHover}
      onClick={onOpen}
      data-testid="global-search-hit"
    >
      <div className="global-search-title">
        <span className="global-search-name">
          <Marked text={hit.titleMarked} />
        </span>
        {context && <span className="global-search-context">{context}</span>}
      </div>
      {hit.snippet && (
        <div className="global-search-snippet">
          <Marked text={hit.snippet} />
        </div>
      )}
    </div>
  )
}
