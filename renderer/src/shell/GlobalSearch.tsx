// One box across investors, projects, contacts and negotiation notes (Chinese, pinyin, initials).
// Opened by Ctrl/⌘+K or the header box; ↑/↓ move, Enter opens the record's page.
import { keepPreviousData } from '@tanstack/react-query'
import { Empty, Input, type InputRef, Modal, Spin, Typography } from 'antd'
import { type KeyboardEvent, useDeferredValue, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import type { SearchHit } from '../../../db/domain/search'
import { useApiQuery } from '../api/hooks'
import { SearchHitRow } from './SearchHitRow'
import { searchTarget } from './searchTarget'

interface Props {
  open: boolean
  onClose(): void
}

export function GlobalSearch({ open, onClose }: Props) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [text, setText] = useState('')
  const [active, setActive] = useState(0)
  const input = useRef<InputRef>(null)
  const query = useDeferredValue(text.trim())
  const result = useApiQuery('search', { text: query, limit: 8 }, { enabled: open && query !== '', placeholderData: keepPreviousData })
  const groups = query ? (result.data?.groups ?? []) : []
  const hits = groups.flatMap((group) => group.hits)

  // A new query starts again at the first hit.
  useEffect(() => setActive(0), [query])
  useEffect(() => {
    if (open) setTimeout(() => input.current?.focus({ cursor: 'all' }), 0)
  }, [open])

  const openHit = (hit: SearchHit | undefined) => {
    if (!hit) return
    onClose()
    navigate(searchTarget(hit))
  }

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      const step = event.key === 'ArrowDown' ? 1 : -1
      setActive((index) => (hits.length ? (index + step + hits.length) % hits.length : 0))
    } else if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      // isComposing: Enter that confirms a pinyin IME candidate must not open a record.
      event.preventDefault()
      openHit(hits[active])
    }
  }

  let index = -1
  return (
    <Modal open={open} onCancel={onClose} footer={null} closable={false} width={640} title={null} className="global-search" destroyOnHidden={false}>
      <Input
        ref={input}
        size="large"
        allowClear
        value={text}
        placeholder={t('search.placeholder')}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        aria-label={t('search.title')}
        data-testid="global-search-input"
      />
      <div className="global-search-results" role="listbox" aria-label={t('search.title')}>
        {!query ? (
          <Typography.Text type="secondary">{t('search.start')}</Typography.Text>
        ) : result.error ? (
          <Typography.Text type="danger">{result.error.message}</Typography.Text>
        ) : result.isLoading ? (
          <Spin />
        ) : hits.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('search.empty', { text: query })} />
        ) : (
          groups.map((group) => (
            <div key={group.kind} className="global-search-group">
              <div className="global-search-kind">{t(`search.kind.${group.kind}`)}</div>
              {group.hits.map((hit) => {
                index += 1
                const mine = index
                return (
                  <SearchHitRow
                    key={`${hit.kind}-${hit.id}`}
                    hit={hit}
                    active={mine === active}
                    onHover={() => setActive(mine)}
                    onOpen={() => openHit(hit)}
                  />
                )
              })}
            </div>
          ))
        )}
      </div>
      <div className="global-search-hint">{t('search.hint')}</div>
    </Modal>
  )
}
