// Row heights for wrapped text. xlsx stores a height only when the writer gives one, and neither
// exceljs nor LibreOffice's PDF export grows a row to fit wrapped text written by another program:
// without a height, a long 项目进展情况 prints as one clipped line over its neighbours. So the
// writer estimates: a column's width is in units of the digit '0'; a CJK character (and a
// full-width punctuation mark) takes about two, other characters one.

/** Points per printed line of 11 pt text (Excel's own row height for 11 pt 宋体/等线). */
export const LINE_POINTS = 14.4
const PADDING_POINTS = 3.6
const MIN_POINTS = 18

/** Display width of a text in '0' units (CJK = 2). A plain loop: it runs for every cell. */
export function textUnits(text: string): number {
  let units = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code >= 0xd800 && code <= 0xdbff) {
      units += 2 // a surrogate pair: rare CJK (extension B) or emoji, both wide
      i++
    } else units += code >= 0x1100 && (code <= 0x115f || code >= 0x2e80) ? 2 : 1
  }
  return units
}

/** Lines a text takes in a column of the given width, counting its own line breaks. */
export function wrappedLines(text: string, width: number): number {
  // Half a unit for the cell's padding. CJK = 2 units is Excel's 宋体; LibreOffice's Noto CJK is
  // narrower (about 1.75, seen in its PDFs), so there rows come out a line taller, never clipped.
  const usable = Math.max(1, width - 0.5)
  let lines = 0
  for (const part of text.split('\n')) lines += Math.max(1, Math.ceil(textUnits(part) / usable))
  return lines
}

/** Row height in points for the tallest wrapped cell, or undefined when one line fits them all. */
export function rowHeight(lines: number): number | undefined {
  return lines <= 1 ? undefined : Math.max(MIN_POINTS, lines * LINE_POINTS + PADDING_POINTS)
}
