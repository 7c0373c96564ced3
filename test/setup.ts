// Loaded before every test file. Tests import internal modules (src/lint.ts, src/engine.ts) directly, where the
// package's entry points (src/index.ts, the command line before it lints, the worker threads, the language server)
// would load the built-in rules' code: load it here, as they do. test/rule-meta.test.ts checks the handles' metadata.
import '../rules/index.js'
