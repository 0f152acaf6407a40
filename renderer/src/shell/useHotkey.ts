// Ctrl+K on Windows and Linux, ⌘K on macOS: the one shortcut everybody already knows for search.
import { useEffect, useRef } from 'react'

export function useModKey(key: string, onPress: () => void) {
  const handler = useRef(onPress)
  useEffect(() => {
    handler.current = onPress
  })
  useEffect(() => {
    const listener = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === key) {
        event.preventDefault()
        handler.current()
      }
    }
    window.addEventListener('keydown', listener)
    return () => window.removeEventListener('keydown', listener)
  }, [key])
}

/** How the shortcut is written on this machine. */
export const modKeyLabel = (key: string): string => (/Mac|iPhone|iPad/.test(navigator.platform) ? `⌘${key}` : `Ctrl+${key}`)
