// Search results arrive with matches framed by control characters; they become <mark> elements
// here. The text is rendered as React children, never as HTML: record names are user data.
import { splitMarks } from '../../../db/domain/search'

export function Marked({ text }: { text: string }) {
  return (
    <>
      {splitMarks(text).map((piece, index) => (piece.mark ? <mark key={index}>{piece.text}</mark> : <span key={index}>{piece.text}</span>))}
    </>
  )
}
