// Desktop notifications. The browser Notification API is used wherever permission was granted;
// the desktop window's permission handler denies prompts, so there (and wherever permission is
// missing) the caller falls back to an in-app antd notification.
import { isDesktop } from '../api/client'

export type NotifyPermission = 'granted' | 'denied' | 'default' | 'unsupported'

export function notifyPermission(): NotifyPermission {
  if (isDesktop() || typeof Notification === 'undefined') return 'unsupported'
  return Notification.permission
}

/** Must run from a user's click: browsers ignore permission requests made without one. */
export async function askNotifyPermission(): Promise<NotifyPermission> {
  if (notifyPermission() === 'unsupported') return 'unsupported'
  return Notification.requestPermission()
}

/** True when a system notification was shown; false means the caller should show its own. */
export function systemNotify(title: string, body: string, onClick: () => void): boolean {
  if (notifyPermission() !== 'granted') return false
  const shown = new Notification(title, { body, tag: 'crm-reminders' })
  shown.onclick = () => {
    window.focus()
    onClick()
  }
  return true
}
