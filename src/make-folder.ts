import {mkdir, stat} from 'node:fs/promises'
import path from 'node:path'

/**
 * `mkdir -p` one level at a time. Node's `mkdir(dir, {recursive: true})` never returns where the kernel answers
 * "no such file" for a folder whose parent exists (a path under /proc), so a report or cache folder there would hang
 * the run; this walks up to the nearest existing folder and creates each missing level in turn, so that answer is an
 * error. Errors carry the file system's code (ENOTDIR where a part of the path is a file).
 */
export async function makeFolder(dir: string): Promise<void> {
  const missing: string[] = []
  let at = path.resolve(dir)
  for (;;) {
    let found
    try {
      found = await stat(at)
    } catch (error) {
      if ((error as {code?: string}).code !== 'ENOENT') throw error
    }
    if (found) {
      if (!found.isDirectory()) throw Object.assign(new Error(`not a directory: ${at}`), {code: 'ENOTDIR'})
      break
    }
    missing.push(at)
    const parent = path.dirname(at)
    if (parent === at) break
    at = parent
  }
  for (const folder of missing.reverse()) {
    try {
      await mkdir(folder)
    } catch (error) {
      // made by another run between the look and the make
      if ((error as {code?: string}).code !== 'EEXIST' || !(await stat(folder)).isDirectory()) throw error
    }
  }
}
