// The quick negotiation entry (Ctrl/⌘+J) on every page. A page about one project or investor
// registers it (useQuickEntryTarget), so the entry opens on what the officer is looking at: a
// project brings its investor along (the negotiation's investor follows from the project).
import { Button, Modal } from 'antd'
import { createContext, lazy, type ReactNode, Suspense, useCallback, useContext, useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorBoundary } from '../components/ErrorBoundary'
import type { TargetOption } from '../pages/negotiations/TargetPicker'
import { PartError } from './PartError'
import { useModKey } from './useHotkey'

// The form (its pickers, date field and rules) loads when the entry is first opened, not with the
// shell: the first page does not wait for it. The negotiations area's chunk holds it, and that is
// fetched in the background once the first page has settled, so opening is instant in practice.
const NegotiationForm = lazy(async () => ({ default: (await import('../pages/negotiations/NegotiationForm')).NegotiationForm }))

interface QuickEntry {
  open(): void
  setTarget(target: TargetOption | null): void
}

const QuickEntryContext = createContext<QuickEntry>({ open: () => undefined, setTarget: () => undefined })

export function QuickEntryProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation()
  const [target, setTarget] = useState<TargetOption | null>(null)
  // A new form per opening: the entry must start from the page it is opened on, not the last one.
  const [opening, setOpening] = useState(0)
  const [isOpen, setOpen] = useState(false)
  const open = useCallback(() => {
    setOpening((n) => n + 1)
    setOpen(true)
  }, [])
  const close = () => setOpen(false)
  useModKey('j', () => {
    if (!isOpen) open()
  })
  const value = useMemo(() => ({ open, setTarget }), [open])
  return (
    <QuickEntryContext.Provider value={value}>
      {children}
      {opening > 0 && (
        <ErrorBoundary
          resetKey={opening}
          fallback={(error, retry) => (
            <Modal open={isOpen} title={t('negotiations.quickTitle')} onCancel={close} footer={<Button onClick={close}>{t('partError.close')}</Button>}>
              <PartError part="quickEntry" error={error} retry={retry} />
            </Modal>
          )}
        >
          <Suspense fallback={null}>
            <NegotiationForm key={opening} quick open={isOpen} preset={target ?? undefined} onClose={close} />
          </Suspense>
        </ErrorBoundary>
      )}
    </QuickEntryContext.Provider>
  )
}

/** Opens the quick entry (a button on the page). */
export const useQuickEntry = (): (() => void) => useContext(QuickEntryContext).open

/** While the calling page is shown, Ctrl/⌘+J opens on this project or investor. */
export function useQuickEntryTarget(target: TargetOption | null): void {
  const { setTarget } = useContext(QuickEntryContext)
  const value = target?.value
  const label = target?.label
  useEffect(() => {
    if (!value) return
    setTarget({ value, label: label ?? '' })
    return () => setTarget(null)
  }, [setTarget, value, label])
}
