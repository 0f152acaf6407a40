// The chosen file as base64 for the API: the renderer has no file paths to hand the backend.

// what offices exchange: Excel (also 97–2003 .xls), WPS/LibreOffice .ods, CSV/TSV text
export const ACCEPT = '.xlsx,.xls,.ods,.csv,.tsv,.txt'

export const isLedgerFileName = (name: string): boolean => /\.(xlsx|xls|ods|csv|tsv|txt)$/i.test(name)

export function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => {
      // A data URL: 'data:<mime>;base64,<payload>'. An empty file gives no payload at all.
      const url = String(reader.result ?? '')
      resolve(url.slice(url.indexOf(',') + 1))
    }
    reader.onerror = () => reject(reader.error ?? new Error('FileReader failed'))
    reader.readAsDataURL(file)
  })
}
