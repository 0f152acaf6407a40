// Saving an export: the API hands back the file's bytes as base64; a temporary <a download> click
// saves them. Chromium does the same in the browser and in the Electron window (the main process
// shows its save dialog or downloads folder), so no separate desktop path is needed.
import type { ExportFile } from '../../../db/domain/ledger'

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

export function saveExportFile(file: ExportFile): void {
  const blob = new Blob([base64ToBytes(file.dataBase64)], { type: file.mime })
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = file.fileName
  link.style.display = 'none'
  document.body.appendChild(link)
  link.click()
  link.remove()
  // The click starts the download synchronously; revoke later so slow machines still read it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
