import vm from 'node:vm'
import {afterEach, describe, expect, it, vi} from 'vitest'
import {inTimedWindows, TimeoutError, withTimeout} from '../src/lint.js'

/** Each step lints (here: computes) under withTimeout and keeps its outcome by index, as the command's jobs do. */
function runSteps(count: number, budget: number, call: (i: number) => number): {outcomes: Array<number | 'timeout'>; made: number[]} {
  const outcomes: Array<number | 'timeout'> = []
  const made: number[] = []
  inTimedWindows(count, budget, (i) => {
    made.push(i)
    try {
      outcomes[i] = withTimeout(() => call(i), budget)
    } catch (error) {
      if (!(error instanceof TimeoutError)) throw error
      outcomes[i] = 'timeout'
    }
  })
  return {outcomes, made}
}

describe('time budgets in windows of calls', () => {
  afterEach(() => vi.restoreAllMocks())

  it('runs every step once, in order, with many steps to one timed call', () => {
    const timed = vi.spyOn(vm.Script.prototype, 'runInContext')
    const {outcomes, made} = runSteps(40, 5_000, (i) => i * i)
    expect(outcomes).toEqual(Array.from({length: 40}, (_, i) => i * i))
    expect(made).toEqual(Array.from({length: 40}, (_, i) => i))
    // forty quick calls fit in one window: far fewer timed calls than calls
    expect(timed.mock.calls.length).toBeGreaterThanOrEqual(1)
    expect(timed.mock.calls.length).toBeLessThan(10)
  })

  it('a call that never ends is over its budget; its step is made again, and the steps after it run', () => {
    const {outcomes, made} = runSteps(5, 200, (i) => {
      if (i === 2) for (;;);
      return i
    })
    expect(outcomes).toEqual([0, 1, 'timeout', 3, 4])
    // the stopped step is made again (to give its verdict), every other step once
    expect(made).toEqual([0, 1, 2, 2, 3, 4])
  }, 60_000)

  it('a call that throws leaves the window as it was for the next call', () => {
    const timed = vi.spyOn(vm.Script.prototype, 'runInContext')
    const outcomes: Array<number | string> = []
    inTimedWindows(20, 5_000, (i) => {
      try {
        outcomes[i] = withTimeout(() => {
          if (i % 3 === 0) throw new Error(`bad ${i}`)
          return i
        }, 5_000)
      } catch (error) {
        outcomes[i] = (error as Error).message
      }
    })
    expect(outcomes).toEqual(Array.from({length: 20}, (_, i) => (i % 3 === 0 ? `bad ${i}` : i)))
    // the calls after a throw are still covered by the window (no timed call of their own)
    expect(timed.mock.calls.length).toBeLessThan(5)
  })

  it('without a budget, steps run one after another with no timed call', () => {
    const timed = vi.spyOn(vm.Script.prototype, 'runInContext')
    const {outcomes} = runSteps(10, 0, (i) => i + 1)
    expect(outcomes).toEqual(Array.from({length: 10}, (_, i) => i + 1))
    expect(timed).not.toHaveBeenCalled()
  })

  it('a call whose budget is longer than the window allows gets its own timed call, and still finishes', () => {
    const timed = vi.spyOn(vm.Script.prototype, 'runInContext')
    const outcomes: number[] = []
    inTimedWindows(3, 1_000, (i) => {
      outcomes[i] = withTimeout(() => i * 10, 60_000)
    })
    expect(outcomes).toEqual([0, 10, 20])
    // the window's own timed call, and one per call it could not cover
    expect(timed.mock.calls.length).toBeGreaterThanOrEqual(4)
  })
})
