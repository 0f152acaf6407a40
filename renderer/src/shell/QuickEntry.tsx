// The quick negotiation entry (Ctrl/⌘+J) on every page. A page about one project or investor
// registers it (useQuickEntryTarget), so the entry opens on what the officer is looking at: a
// project brings its investor along (the negotiation's investor follows from the project).
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react'
import { NegotiationForm } from '../pages/negotiations/NegotiationForm'
import type { TargetOption } from '../pages/negotiations/TargetPicker'
import { useModKey } from './useHotkey'

interface QuickEntry {
  open(): void
  setTarget(target: TargetOption | null): void
}

const QuickEntryContext = createContext<QuickEntry>({ open: () => undefined, setTarget: () => undefined })

export function QuickEntryProvider({ children }: { children: ReactNode }) {
  const [target, setTarget] = useState<TargetOption | null>(null)
  // A new form per opening: the entry must start from the page it is opened on, not the last one.
  const [opening, setOpening] = useState(0)
  const [isOpen, setOpen] = useState(false)
  const open = useCallback(() => {
    setOpening((n) => n + 1)
    setOpen(true)
  }, [])
  useModKey('j', () => {
    if (!isOpen) open()
  })
  const value = useMemo(() => ({ open, setTarget }), [open])
  return (
    <QuickEntryContext.Provider value={value}>
      {children}
      <NegotiationForm key={opening} quick open={isOpen} preset={target ?? undefined} onClose={() => setOpen(false)} />
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
