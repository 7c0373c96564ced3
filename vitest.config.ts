import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    // Time limits only catch hangs: tests assert no wall-clock times (CPU time where speed matters), so on a busy
    // machine a test may take many times longer and still pass
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
})
