import {existsSync, mkdtempSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {makeFolder} from '../src/make-folder.js'
import {OutputError, writeFileAtomic} from '../src/output.js'

const root = mkdtempSync(path.join(tmpdir(), 'clauselint-folder-'))
afterAll(() => rmSync(root, {recursive: true, force: true}))

describe('makeFolder', () => {
  it('creates every missing level, and is a no-op on an existing folder', async () => {
    const deep = path.join(root, 'a', 'b', 'c')
    await makeFolder(deep)
    expect(statSync(deep).isDirectory()).toBe(true)
    await makeFolder(deep)
    await makeFolder(root)
    expect(statSync(deep).isDirectory()).toBe(true)
  })

  it('says ENOTDIR where a part of the path is a file', async () => {
    const file = path.join(root, 'plain.txt')
    writeFileSync(file, 'x')
    await expect(makeFolder(path.join(file, 'below'))).rejects.toMatchObject({code: 'ENOTDIR'})
    await expect(makeFolder(file)).rejects.toMatchObject({code: 'ENOTDIR'})
  })

  // Node's recursive mkdir never returns for a folder under /proc (the kernel answers ENOENT with the parent present)
  it.runIf(process.platform === 'linux' && existsSync('/proc/self'))('fails, rather than spinning, where the kernel refuses a folder under /proc', async () => {
    await expect(makeFolder('/proc/clauselint-no-such/x')).rejects.toMatchObject({code: 'ENOENT'})
  })

  it.runIf(process.platform === 'linux' && existsSync('/proc/self'))('a report file asked for under /proc is a one-line error naming it', async () => {
    const error = await writeFileAtomic('/proc/clauselint-no-such/report.txt', 'x', 'out/report.txt', 'the report', {createFolder: true}).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(OutputError)
    expect((error as Error).message).toBe('cannot write the report to "out/report.txt": its directory does not exist')
  })

  it('a report file in a folder that does not exist yet is written, the folder made', async () => {
    const target = path.join(root, 'reports', 'deep', 'r.txt')
    await writeFileAtomic(target, 'hello', target, 'the report', {createFolder: true})
    expect(statSync(target).size).toBe(5)
  })
})
