// Reading the agreement from standard input, and writing a report file atomically.
import {randomBytes} from 'node:crypto'
import {mkdir, open, realpath, rename, rm, stat, writeFile} from 'node:fs/promises'
import path from 'node:path'
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

/**
 * Write text to a file atomically: into a temporary file in the same directory, flushed to disk, then
 * renamed over the target. Readers see the old file or the new one, never a partial one, and a failed
 * write leaves no temporary file behind. A symbolic link at the target is followed (the link stays).
 * A device or pipe at the target (/dev/stdout) is written to directly. Errors name the target as `shownAs`. The text
 * may come in pieces (an iterable of strings), written as they come, or be bytes (a Word package).
 */
export async function writeFileAtomic(target: string, text: string | Uint8Array | Iterable<string>, shownAs = target, what = 'the report', options: {readonly createFolder?: boolean} = {}): Promise<void> {
  // A report's folder is created when it does not exist (as ESLint does for --output-file).
  if (options.createFolder) {
    try {
      await mkdir(path.dirname(target), {recursive: true})
    } catch (error) {
      // mkdir -p through a file says EEXIST
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
  if (existing?.isDirectory()) throw new OutputError(`cannot write ${what} to "${shownAs}": it is a directory`)
  if (existing && !existing.isFile()) {
    // A device or pipe (/dev/stdout, a FIFO) cannot be replaced, only written to.
    try {
      await writeFile(destination, text, 'utf8')
      return
    } catch (error) {
      throw new OutputError(`cannot write ${what} to "${shownAs}": ${reason(error)}`)
    }
  }
  const temp = path.join(path.dirname(destination), `.${path.basename(destination)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`)
  let handle: Awaited<ReturnType<typeof open>> | undefined
  try {
    handle = await open(temp, 'wx', 0o666)
    // A replaced report keeps its permissions.
    if (existing) await handle.chmod(existing.mode & 0o7777)
    // (writeFile on a handle writes on from where the last write ended, and retries short writes)
    for (const piece of typeof text === 'string' || text instanceof Uint8Array ? [text] : text) await handle.writeFile(piece, typeof piece === 'string' ? 'utf8' : undefined)
    await handle.sync()
    await handle.close()
    handle = undefined
    await rename(temp, destination)
  } catch (error) {
    await handle?.close().catch(() => undefined)
    await rm(temp, {force: true}).catch(() => undefined)
    throw new OutputError(`cannot write ${what} to "${shownAs}": ${reason(error)}`)
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
