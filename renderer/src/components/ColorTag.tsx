// A tag in the colour a user chose for it (设置 → 标签). antd writes the text in that very colour on
// a light tint of it, which is unreadable for most colours (#d48806: 2.7:1); the text here is the
// same hue taken 60% towards black, which reaches 4.5:1 on the tint for any colour, white included.
import { Tag } from 'antd'
import type { ReactNode } from 'react'

export function readableTextColor(hex: string): string | undefined {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex)
  if (!m) return undefined
  const value = parseInt(m[1]!, 16)
  const darken = (shift: number) => Math.round(((value >> shift) & 0xff) * 0.4).toString(16).padStart(2, '0')
  return `#${darken(16)}${darken(8)}${darken(0)}`
}

export function ColorTag({ color, children }: { color: string | null | undefined; children: ReactNode }) {
  const text = color ? readableTextColor(color) : undefined
  return (
    <Tag color={color ?? undefined} style={text ? { color: text } : undefined}>
      {children}
    </Tag>
  )
}
