#!/usr/bin/env node
// clauselint command: runs the compiled CLI.
import('../dist/src/cli.js').then(
  (cli) => cli.main(process.argv.slice(2)),
  () => {
    process.stderr.write('clauselint: the package is not built; run "npm install" (or "npm run build") in its folder\n')
    process.exitCode = 2
  },
)
