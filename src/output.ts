// Reading the agreement from standard input, and writing a report file atomically.
import {crypto} from './deps.js'
import {rmSync} from 'node:fs'
import {makeFolder} from './make-folder.js'
import {open, readdir, realpath, rename, rm, stat, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {printable} from './confine.js'
import {formatBytes} from './lint.js'

/** A report that could not be written; the message is one line, naming the path. */
export class OutputError extends Error {}

/** Standard input that cannot be linted; the message is one line ("standard input is empty"). */
export class InputError extends Error {}

function reason(error: unknown): string {
  const code = (error as {code?: string} | null)?.code
  switch (code) {
    case 'ENOENT':
      return 'its directory does not exist'
    case 'ENOTDIR':
      return 'a part of the path is not a directory'
    case 'EISDIR':
      return 'it is a directory'
    case 'EACCES':
    case 'EPERM':
      return 'permission denied'
    case 'EROFS':
      return 'the file system is read-only'
    case 'ENOSPC':
      return 'no space left on the device'
    case 'EDQUOT':
      return 'the disk quota is exceeded'
    case 'ENAMETOOLONG':
      return 'the name is too long'
    case 'EFBIG':
      return 'the file would be over the size limit'
    default:
      return code ?? (error instanceof Error ? error.message.split('\n')[0]! : String(error))
  }
}

// Temporary files being written: removed if the process is stopped by SIGINT or SIGTERM (CI cancellation sends both)
const temps = new Set<string>()
let handlersInstalled = false

function removeTempsAndExit(signal: NodeJS.Signals): void {
  for (const t of temps) {
    try {
      rmSync(t, {force: true})
    } catch {
      // nothing more can be done while exiting
    }
  }
  temps.clear()
  // end as the signal would have: the default action, now that the listeners are gone
  process.removeListener('SIGINT', onSigint)
  process.removeListener('SIGTERM', onSigterm)
  process.kill(process.pid, signal)
}
const onSigint = (): void => removeTempsAndExit('SIGINT')
const onSigterm = (): void => removeTempsAndExit('SIGTERM')

function track(temp: string): void {
  if (!handlersInstalled) {
    handlersInstalled = true
    process.on('SIGINT', onSigint)
    process.on('SIGTERM', onSigterm)
  }
  temps.add(temp)
}

/** Temporary files of earlier runs that were killed (`.NAME.<pid>.<hex>.tmp` whose process is gone): removed before writing. */
async function sweepStale(dir: string, base: string): Promise<void> {
  let names: string[]
  try {
    names = await readdir(dir)
  } catch {
    return
  }
  const prefix = `.${base}.`
  for (const name of names) {
    if (!name.startsWith(prefix)) continue
    const m = /^(\d+)\.[0-9a-f]{12}\.tmp$/.exec(name.slice(prefix.length))
    if (!m || Number(m[1]) === process.pid || alive(Number(m[1]))) continue
    await rm(path.join(dir, name), {force: true}).catch(() => undefined)
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as {code?: string}).code === 'EPERM'
  }
}

/**
 * Write text to a file atomically: into a temporary file in the same directory, flushed to disk, then
 * renamed over the target. Readers see the old file or the new one, never a partial one, and a failed
 * write (or SIGINT/SIGTERM during it) leaves no temporary file behind; those of killed runs are swept.
 * A device or pipe at the target (/dev/stdout) is written to directly. Errors name the target as `shownAs`. The text
 * may come in pieces (strings, or bytes; from an iterable or an async one), written as they come, each before the next
 * is asked for, or be bytes (a Word package).
 * A symbolic link at the target is followed (the link stays); callers check where it points (checkWriteTarget).
 */
export async function writeFileAtomic(target: string, text: string | Uint8Array | Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>, shownAs = target, what = 'the report', options: {readonly createFolder?: boolean} = {}): Promise<void> {
  // A report's folder is created when it does not exist (as ESLint does for --output-file).
  if (options.createFolder) {
    try {
      await makeFolder(path.dirname(target))
    } catch (error) {
      // mkdir -p through a file says EEXIST or ENOTDIR
      const code = (error as {code?: string} | null)?.code
      throw new OutputError(`cannot write ${what} to "${shownAs}": ${code === 'EEXIST' ? 'a part of the path is not a directory' : reason(error)}`)
    }
  }
  let destination = target
  try {
    destination = await realpath(target)
  } catch {
    // does not exist yet (or a dangling link): write the path as given
  }
  const existing = await stat(destination).catch(() => undefined)
  if (existing?.isDirectory()) throw new OutputError(`cannot write ${what} to "${printable(shownAs)}": it is a directory`)
  if (existing && !existing.isFile()) {
    // A device or pipe (/dev/stdout, a FIFO) cannot be replaced, only written to.
    try {
      await writeFile(destination, text, 'utf8')
      return
    } catch (error) {
      throw new OutputError(`cannot write ${what} to "${printable(shownAs)}": ${reason(error)}`)
    }
  }
  await sweepStale(path.dirname(destination), path.basename(destination))
  const temp = path.join(path.dirname(destination), `.${path.basename(destination)}.${process.pid}.${crypto().randomBytes(6).toString('hex')}.tmp`)
  let handle: Awaited<ReturnType<typeof open>> | undefined
  try {
    track(temp)
    handle = await open(temp, 'wx', 0o666)
    // A replaced report keeps its permissions.
    if (existing) await handle.chmod(existing.mode & 0o7777)
    // (writeFile on a handle writes on from where the last write ended, and retries short writes)
    // each piece written before the next is asked for (a report's pieces may lie in a buffer that is then read into again)
    for await (const piece of typeof text === 'string' || text instanceof Uint8Array ? [text] : text) await handle.writeFile(piece, typeof piece === 'string' ? 'utf8' : undefined)
    await handle.sync()
    await handle.close()
    handle = undefined
    await rename(temp, destination)
  } catch (error) {
    await handle?.close().catch(() => undefined)
    await rm(temp, {force: true}).catch(() => undefined)
    // ENOENT with the folder there: a folder where no file can be made (/proc)
    const folderThere = (error as {code?: string}).code === 'ENOENT' && (await stat(path.dirname(destination)).then((d) => d.isDirectory()).catch(() => false))
    throw new OutputError(`cannot write ${what} to "${printable(shownAs)}": ${folderThere ? 'no file can be created in its folder' : reason(error)}`)
  } finally {
    temps.delete(temp)
  }
}

/**
 * Read an agreement from a stream (standard input) as UTF-8 text, with the same checks as a file:
 * not empty, not binary, valid UTF-8, some text, at most `maxSize` bytes.
 */
export async function readStream(stream: AsyncIterable<Uint8Array | string>, maxSize: number, name = 'standard input'): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  try {
    for await (const chunk of stream) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
      size += buffer.length
      if (size > maxSize) throw new InputError(`${name} is over the ${formatBytes(maxSize)} limit (raise it with --max-file-size)`)
      chunks.push(buffer)
    }
  } catch (error) {
    if (error instanceof InputError) throw error
    throw new InputError(`${name} cannot be read (${reason(error)})`)
  }
  const buffer = Buffer.concat(chunks)
  if (buffer.length === 0) throw new InputError(`${name} is empty`)
  if (buffer.subarray(0, 8192).includes(0)) throw new InputError(`${name} is binary, not Markdown text`)
  let text: string
  try {
    text = new TextDecoder('utf-8', {fatal: true}).decode(buffer)
  } catch {
    throw new InputError(`${name} is not valid UTF-8 text`)
  }
  if (!text.trim()) throw new InputError(`${name} has no text`)
  return text
}
