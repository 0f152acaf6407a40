// The desktop window can name a file only through a dialog of the main process: the path-taking
// methods accept from it a short-lived, single-use handle, never a path (issue 13).
import { describe, expect, it } from 'vitest'
import { HANDLE_TTL_MS, PATH_FIELDS, PathHandles, pathsFromHandles } from '../../electron/main/path-handles'

const clock = () => {
  let now = 1_000_000
  return { now: () => now, advance: (ms: number) => (now += ms) }
}

describe('path handles', () => {
  it('resolve once to the chosen path, and not after they expire', () => {
    const time = clock()
    const handles = new PathHandles(time.now)
    const first = handles.issue('/home/zhang/协议扫描件.pdf')
    expect(first).toMatch(/^handle:[0-9a-f]{32}$/)
    expect(handles.resolve(first)).toBe('/home/zhang/协议扫描件.pdf')
    expect(handles.resolve(first)).toBeNull()
    const late = handles.issue('/home/zhang/备份.sqlite')
    time.advance(HANDLE_TTL_MS)
    expect(handles.resolve(late)).toBeNull()
    expect(handles.resolve('handle:00000000000000000000000000000000')).toBeNull()
    expect(handles.issue('/a')).not.toBe(handles.issue('/a'))
  })
})

describe('calls from the window that take a path', () => {
  const tricks = ['/etc/passwd', 'C:\\Users\\zhang\\Documents\\crm.sqlite', '../crm.sqlite', '~/.ssh/id_rsa', 'file:///etc/passwd', '\\\\server\\share\\x.sqlite', 'handle:../../etc']

  it('refuse every raw path, in plain words', () => {
    const handles = new PathHandles()
    for (const [method, field] of Object.entries(PATH_FIELDS)) {
      for (const path of tricks) {
        const checked = pathsFromHandles(method, { entity: 'project', entityId: 'x', [field]: path }, handles)
        expect(checked, `${method} ${path}`).toEqual({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('选择文件') } })
      }
    }
  })

  it('swap a handle from a dialog for its path, once', () => {
    const handles = new PathHandles()
    const handle = handles.issue('/media/u盘/可研报告.docx')
    const input = { entity: 'project', entityId: '01J0000000000000000000000A', path: handle }
    expect(pathsFromHandles('attachment-add-path', input, handles)).toEqual({ ok: true, input: { ...input, path: '/media/u盘/可研报告.docx' } })
    expect(pathsFromHandles('attachment-add-path', input, handles)).toEqual({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('重新选择') } })
    const restore = handles.issue('/media/u盘/crm-20261127-090000-daily.sqlite')
    expect(pathsFromHandles('backup-restore', { file: restore, force: true }, handles)).toEqual({ ok: true, input: { file: '/media/u盘/crm-20261127-090000-daily.sqlite', force: true } })
  })

  it('let restore name a backup from the list by its bare name, and leave other methods alone', () => {
    const handles = new PathHandles()
    const name = 'crm-0123456789abcdef-20261127-090000-daily.sqlite'
    expect(pathsFromHandles('backup-restore', { file: name }, handles)).toEqual({ ok: true, input: { file: name } })
    expect(pathsFromHandles('backup-restore', { file: '..' }, handles).ok).toBe(false)
    expect(pathsFromHandles('park-create', { name: '/etc/passwd' }, handles)).toEqual({ ok: true, input: { name: '/etc/passwd' } })
  })
})
