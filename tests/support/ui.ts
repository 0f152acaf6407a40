// Steps that wait for the state they need, never for time: on a loaded machine a fixed delay is
// either too short (flaky) or too long everywhere else.
import { expect } from 'vitest'
import type { Download, Locator, Page } from 'playwright-core'

/**
 * Until the page has drawn three frames in a row with no finite animation running and no antd
 * motion about to start (dialogs zooming in, dropdowns sliding), so that what a test clicks or
 * photographs stands still. Spinners (infinite animations) are not waited for.
 * A motion's steps: `-prepare` and `-start` (frame-driven: they always move on), then `-active`
 * while its CSS animation runs, ended by the animationend event. `-active` itself is not waited
 * for: rc-motion leaves it on an element whose animation never ran (a busy machine skips a frame),
 * and waiting for it to go waited forever; the running animation is what counts.
 */
export async function motionDone(page: Page): Promise<void> {
  const counter = await page.evaluateHandle(() => ({ quietFrames: 0 }))
  await page.waitForFunction(
    (frames) => {
      const animating = document
        .getAnimations()
        .some((animation) => animation.playState === 'running' && animation.effect?.getComputedTiming().iterations !== Infinity)
      const starting = document.querySelector(
        ['appear', 'enter', 'leave'].flatMap((step) => [`[class*="-${step}-prepare"]`, `[class*="-${step}-start"]`]).join(','),
      )
      frames.quietFrames = animating || starting ? 0 : frames.quietFrames + 1
      return frames.quietFrames >= 3
    },
    counter,
    { polling: 'raf' },
  )
  await counter.dispose()
}

/**
 * Clicks once the page stands still: a button in a dialog, confirm or popconfirm that is still
 * zooming in moves under a click aimed a frame earlier, and the click lands beside it.
 */
export async function clickWhenStill(target: Locator): Promise<void> {
  await motionDone(target.page())
  await target.click()
}

/**
 * Clicks a dialog's save button once the dialog stands still, then waits until the dialog has closed.
 * Aimed while the dialog still zooms in, a click can land beside the moving button (deals-ui's 取消
 * once did so in a full run). A dialog that stays open fails here, with what it showed (its fields'
 * messages and the toasts that came meanwhile, which leave after three seconds), instead of three
 * minutes later at the next step.
 */
export async function saveDialog(dialog: Locator, button: RegExp = /保\s*存/): Promise<void> {
  const page = dialog.page()
  const toasts = await page.evaluateHandle(() => {
    const seen: string[] = []
    const observer = new MutationObserver(() => {
      for (const notice of document.querySelectorAll('.ant-message-notice')) {
        const text = notice.textContent ?? ''
        if (text && !seen.includes(text)) seen.push(text)
      }
    })
    observer.observe(document.body, { childList: true, subtree: true })
    return { seen, observer }
  })
  try {
    await clickWhenStill(dialog.getByRole('button', { name: button }))
    const closed = await dialog.waitFor({ state: 'hidden', timeout: 60_000 }).then(
      () => true,
      () => false,
    )
    if (closed) return
    const fields = await dialog.locator('.ant-form-item-explain-error').allTextContents()
    const shown = [...fields, ...(await toasts.evaluate((recorded) => recorded.seen))]
    throw new Error(`the dialog stayed open after ${button}: ${shown.join(' | ') || 'no message on screen'}`)
  } finally {
    await toasts.evaluate((recorded) => recorded.observer.disconnect()).catch(() => undefined)
    await toasts.dispose().catch(() => undefined)
  }
}

/**
 * Watches the page's calls (POST /api/<method>) so a step can wait until none is in flight. Not
 * Playwright's 'networkidle': the page keeps its event stream (GET /events) open for good.
 * Call before the calls to watch are made.
 */
export function watchApiCalls(page: Page): { settled(): Promise<void> } {
  const inFlight = new Set<unknown>()
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/')) inFlight.add(request)
  })
  page.on('requestfinished', (request) => inFlight.delete(request))
  page.on('requestfailed', (request) => inFlight.delete(request))
  return { settled: () => expect.poll(() => inFlight.size, { timeout: 60_000 }).toBe(0) }
}

/**
 * The bytes of a file the page downloaded. The e2e files share one Chromium over a connection, and
 * there the file is not on this side's disk (download.path() refuses): it is streamed across.
 */
export async function downloaded(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

/** Navigates inside the app without a reload (hash routing): '/reports/flow?period=month'. */
export const goTo = (page: Page, hash: string) => page.evaluate((target) => (window.location.hash = target), hash)

/** The open dropdown of a select (antd keeps closed ones in the DOM, hidden). */
export const openDropdown = (page: Page) => page.locator('.ant-select-dropdown:visible')

/** The select whose dropdown is open, found by its box's id (its open class goes when it closes). */
async function openSelect(page: Page): Promise<Locator> {
  const id = await page.locator('.ant-select-open [role="combobox"]').getAttribute('id')
  return page.locator(`.ant-select:has([id="${id}"])`)
}

/**
 * Picks an option from the open select whose options are already loaded (a short, local list),
 * once the dropdown has stopped sliding in, and checks the select now shows it. A click on a
 * dropdown still moving can land beside the option: the form then saved without the value and a
 * later step failed far from the cause (the merge preview had no 企业性质 to choose).
 */
export async function chooseOption(page: Page, text: string): Promise<void> {
  const select = await openSelect(page)
  await motionDone(page)
  await openDropdown(page).locator('.ant-select-item-option', { hasText: text }).first().click()
  // The select shows the choice — or is gone: a choice can close what held it (the bell's 选择用户
  // goes once a user is chosen; on a loaded machine before the first look), and the caller then
  // checks what the choice did.
  await expect
    .poll(async () => (await select.count()) === 0 || ((await select.textContent({ timeout: 1_000 }).catch(() => null)) ?? '').includes(text))
    .toBe(true)
}

function postedText(body: string | null): string {
  try {
    return String((JSON.parse(body ?? '{}') as { text?: unknown }).text ?? '')
  } catch {
    return ''
  }
}

/**
 * Types into a select that searches the server as you type (项目 / 客商 pickers), waits until the
 * search for exactly that text has answered and the list has stopped loading, picks the option
 * once the dropdown stands still, and checks the select now shows it. Clicking earlier hits the
 * previous (stale) list, which is re-rendered under the pointer.
 */
export async function pickSearched(
  page: Page,
  field: Locator,
  typed: string,
  option: string,
  options: { method?: RegExp; type?: 'fill' | 'keys' } = {},
): Promise<void> {
  const method = options.method ?? /\/api\/(project|investor)-list$/
  const answered = page.waitForResponse((response) => method.test(new URL(response.url()).pathname) && postedText(response.request().postData()) === typed)
  if (options.type === 'keys') {
    // Keys go wherever the focus is: wait until the dialog has focused the box.
    await expect.poll(() => field.evaluate((element) => element === document.activeElement)).toBe(true)
    await page.keyboard.type(typed)
  }
  else await field.fill(typed)
  await answered
  const select = field.locator('xpath=ancestor-or-self::div[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]')
  await expect.poll(() => select.evaluate((element) => element.classList.contains('ant-select-loading'))).toBe(false)
  const item = openDropdown(page).locator('.ant-select-item-option', { hasText: option }).first()
  await item.waitFor()
  await motionDone(page)
  await item.click()
  await expect.poll(() => select.textContent()).toContain(option)
}

/**
 * Keys sent to the focused box over one DevTools session, with the same events as Playwright's
 * keyboard (keyDown with its text and keyUp for a key of the keyboard, insertText for 万, 亿, ¥ …,
 * as an input method commits them), but each string's events sent at once and in order instead of
 * one round trip per event: the page still handles every key as its own event (each prefix '1',
 * '1,', '1,0' … is a state it renders), while a loaded machine no longer waits for three processes
 * to be scheduled for every key. Each call resolves when the page has handled its last event.
 */
export async function keysTo(page: Page): Promise<{
  /** Clears the box as a person does (select all, Backspace), then types `text` key by key. */
  retype(text: string): Promise<void>
  /** Clears the box, then puts `text` in at once (a paste, an input method's long commit). */
  replace(text: string): Promise<void>
  close(): Promise<void>
}> {
  const cdp = await page.context().newCDPSession(page)
  const key = (type: 'keyDown' | 'rawKeyDown' | 'keyUp', char: string, extra: Record<string, unknown> = {}) => {
    const known = keyOf(char)
    if (!known) throw new Error(`keysTo: no key for ${JSON.stringify(char)}; add it to keyOf`)
    return cdp.send('Input.dispatchKeyEvent', { type, key: known.key, code: known.code, windowsVirtualKeyCode: known.keyCode, ...extra })
  }
  const clear = () => [
    key('rawKeyDown', 'a', { modifiers: CONTROL, commands: ['selectAll'] }),
    key('keyUp', 'a', { modifiers: CONTROL }),
    key('rawKeyDown', 'Backspace'),
    key('keyUp', 'Backspace'),
  ]
  return {
    async retype(text) {
      const sent = clear()
      for (const char of text) {
        if (keyOf(char)) {
          sent.push(key('keyDown', char, { text: char, unmodifiedText: char }), key('keyUp', char))
        } else if (char.charCodeAt(0) >= 128) {
          sent.push(cdp.send('Input.insertText', { text: char }))
        } else {
          throw new Error(`keysTo: no key for ${JSON.stringify(char)}; add it to keyOf`)
        }
      }
      await Promise.all(sent)
    },
    async replace(text) {
      await Promise.all([...clear(), cdp.send('Input.insertText', { text })])
    },
    close: () => cdp.detach(),
  }
}

/** DevTools' modifier bit for Control. */
const CONTROL = 2

/** The US-layout keys the hostile strings use: the key, its DOM code and Windows key code. */
function keyOf(char: string): { key: string; code: string; keyCode: number } | null {
  if (/^[a-z]$/.test(char)) return { key: char, code: `Key${char.toUpperCase()}`, keyCode: char.toUpperCase().charCodeAt(0) }
  if (/^[0-9]$/.test(char)) return { key: char, code: `Digit${char}`, keyCode: char.charCodeAt(0) }
  const named: Record<string, { code: string; keyCode: number }> = {
    '-': { code: 'Minus', keyCode: 189 },
    ',': { code: 'Comma', keyCode: 188 },
    '.': { code: 'Period', keyCode: 190 },
    Backspace: { code: 'Backspace', keyCode: 8 },
  }
  return named[char] ? { key: char, ...named[char] } : null
}

/**
 * The page still stands after hostile input: no error page, the shell's menu shown, and a dialog
 * when one should be open — read in one round trip (a check per keystroke must stay cheap).
 */
export async function expectPageStanding(page: Page, where: string, { dialogOpen }: { dialogOpen: boolean }): Promise<void> {
  const seen = await page.evaluate(() => ({
    errorPage: document.querySelector('[data-testid="page-error"]') !== null,
    shell: [...document.querySelectorAll('[role="menuitem"]')].some((item) => item.textContent?.includes('工作台') && item.checkVisibility()),
    dialog: [...document.querySelectorAll('.ant-modal-wrap .ant-modal')].some((modal) => modal.checkVisibility()),
  }))
  expect(seen.errorPage, `${where}: error page shown`).toBe(false)
  expect(seen.shell, `${where}: shell gone`).toBe(true)
  if (dialogOpen) expect(seen.dialog, `${where}: dialog gone`).toBe(true)
}
