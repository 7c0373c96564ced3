import {readdirSync, readFileSync} from 'node:fs'
import {availableParallelism} from 'node:os'
import path from 'node:path'
import {defineConfig} from 'vitest/config'

const testDir = path.join(import.meta.dirname, 'test')
// `npm run test:exhaustive` (CLAUSELINT_EXHAUSTIVE=1) runs the test files with a longer part: those that import
// test/tiers.ts (see there); `npm test` runs every test file, each such part in its quick form
const exhaustive = process.env['CLAUSELINT_EXHAUSTIVE'] === '1'
const include = exhaustive
  ? readdirSync(testDir)
      .filter((f) => f.endsWith('.test.ts') && /from '\.\/tiers\.js'/.test(readFileSync(path.join(testDir, f), 'utf8')))
      .map((f) => `test/${f}`)
  : ['test/**/*.test.ts']

export default defineConfig({
  test: {
    include,
    setupFiles: ['test/setup.ts'],
    // Two test files at a time on two CPUs (vitest's default is one fewer than the CPUs): much of the suite waits on
    // child processes, worker threads and a browser, and one file alone leaves a CPU idle
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Time limits only catch hangs: tests assert no wall-clock times (CPU time where speed matters), so on a busy
    // machine a test may take many times longer and still pass
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
})
