// A guard in front of the protocol reader: messages come as headers ("Content-Length: N"), a blank line, then N bytes
// of JSON. The reader stops for good after a header it cannot read ("Content-Length: abc"), so the server would stay
// up but never answer again. The guard passes well-framed messages through unchanged, and drops a message whose
// headers are broken (saying so), resuming at the next "Content-Length:" header.
import {Transform, type TransformCallback} from 'node:stream'

const SEPARATOR = Buffer.from('\r\n\r\n')
const HEADER = Buffer.from('Content-Length:')
/** Longest header block read; a longer one is broken framing. */
const MAX_HEADERS = 8192

export class FramingGuard extends Transform {
  private buffer = Buffer.alloc(0)

  constructor(private readonly warn: (line: string) => void) {
    super()
  }

  override _transform(chunk: Buffer | string, _encoding: BufferEncoding, done: TransformCallback): void {
    this.buffer = Buffer.concat([this.buffer, typeof chunk === 'string' ? Buffer.from(chunk) : chunk])
    for (;;) {
      const end = this.buffer.indexOf(SEPARATOR)
      if (end < 0) {
        if (this.buffer.length > MAX_HEADERS) this.skip('headers too long')
        break
      }
      const headers = this.buffer.subarray(0, end).toString('ascii')
      const m = /^content-length:[ \t]*(\d{1,10})[ \t\r]*$/im.exec(headers)
      if (!m) {
        this.skip(`no valid Content-Length in ${JSON.stringify(headers.slice(0, 60))}`)
        continue
      }
      const total = end + SEPARATOR.length + Number(m[1])
      if (this.buffer.length < total) break
      this.push(this.buffer.subarray(0, total))
      this.buffer = this.buffer.subarray(total)
    }
    done()
  }

  /** Drop the broken message: everything up to the next "Content-Length:" header after the start. */
  private skip(why: string): void {
    this.warn(`clauselint: dropped a message with broken framing (${why})`)
    const next = this.buffer.indexOf(HEADER, 1)
    this.buffer = next < 0 ? Buffer.alloc(0) : this.buffer.subarray(next)
  }
}
