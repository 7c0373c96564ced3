// The config commands of the CLI: `--init` writes a starter config, `--print-config FILE` shows what applies to a file.
import {linkSync, lstatSync, statSync, unlinkSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {applyFrontmatter, CONFIG_FILES, ConfigError, type ConfigLoader, describeSettings, JS_CONFIG_FILES} from './config.js'
import {detectProfile, type Detection} from './detect.js'
import {buildDocument} from './document.js'
import {UsageError} from './files.js'
import {FileError, readAgreement} from './lint.js'

/** The config `--init` writes: the defaults spelled out, so a team sees what it can tighten. */
export const STARTER_CONFIG = `# clauselint configuration (see "Configuration" in the clauselint README).
# Settings here apply to every agreement in this folder and below; a config in a subfolder
# adds to this one (nearest wins), and "root: true" stops the search for configs further up.
# yaml-language-server: $schema=./node_modules/clauselint/schema/clauselint.schema.json
root: true

# clauselint:recommended picks the rules per document (msa for a services agreement, sla for
# another SLA, agreement for other contracts, the language rules for a document it does not
# recognise); clauselint:msa runs the msa rules on every document; clauselint:strict adds
# tighter house standards.
extends: clauselint:recommended

rules:
  # Severity: off, info, warn or error; options after it: [severity, {options}].
  response-times: [error, {maxResponse: {P1: 1h, P2: 4h}}]
  backup-frequency: [error, {maxInterval: 24h, requireRetention: true}]
  performance-targets: [error, {minUptime: 99.5}]
  service-hours: [error, {requireTimeZone: true}]
  no-vague-terms: [warn, {add: [], allow: []}]

# Different settings for some files (globs relative to this folder):
# overrides:
#   - files: ["sla/**/*.md"]
#     rules:
#       performance-targets: [error, {minUptime: 99.9}]

# Files not to lint (gitignore syntax, relative to this folder):
ignorePatterns:
  - drafts/**

# Team rules written as YAML (see "Custom rules" in the README):
# customRules:
#   - ./clauselint-rules/data-protection.yaml
`

/** Write `.clauselintrc.yaml` in `dir`: atomically, and never over an existing config. Returns the path written. */
export function initConfig(dir: string): string {
  for (const name of [...CONFIG_FILES, ...JS_CONFIG_FILES]) {
    if (name === 'package.json') continue
    let exists = true
    try {
      lstatSync(path.join(dir, name))
    } catch {
      exists = false
    }
    if (exists) throw new ConfigError(`${name} already exists here; --init writes a config only where there is none`)
  }
  const target = path.join(dir, '.clauselintrc.yaml')
  const temp = path.join(dir, `.clauselintrc.yaml.${process.pid}.${Date.now()}.tmp`)
  try {
    writeFileSync(temp, STARTER_CONFIG, {flag: 'wx'})
    // a hard link appears whole or not at all, and fails instead of replacing a file written meanwhile
    linkSync(temp, target)
  } catch (error) {
    const code = (error as {code?: string}).code
    if (code === 'EEXIST') throw new ConfigError('.clauselintrc.yaml already exists here; --init writes a config only where there is none')
    throw new ConfigError(`cannot write .clauselintrc.yaml here (${code ?? (error instanceof Error ? error.message : String(error))})`)
  } finally {
    try {
      unlinkSync(temp)
    } catch {
      // already gone
    }
  }
  return target
}

/** The resolved config of one file as JSON (front matter and the `auto` profile included when the file can be read). */
export async function printConfig(loader: ConfigLoader, file: string, cwd: string, maxFileSize?: number): Promise<string> {
  // as for linting it: a path that does not exist, or a folder, is the usual one-line error (exit 2)
  let info
  try {
    info = statSync(path.resolve(cwd, file))
  } catch {
    throw new UsageError(`path ${JSON.stringify(file)} does not exist`)
  }
  if (info.isDirectory()) throw new UsageError(`--print-config takes a file; ${JSON.stringify(file)} is a folder`)
  const config = await loader.forFile(file)
  let settings = config.settings
  let profile = settings.profile
  let detected: Detection | undefined
  let text: string | undefined
  try {
    text = await readAgreement(path.resolve(cwd, file), maxFileSize)
  } catch (error) {
    if (!(error instanceof FileError)) throw error
  }
  if (text !== undefined) {
    const doc = buildDocument(text, file)
    settings = applyFrontmatter(settings, doc.frontmatter, file)
    if (settings.profile === 'auto') {
      detected = detectProfile(doc)
      profile = detected.profile
    } else profile = settings.profile
  }
  return `${JSON.stringify(describeSettings(settings, profile, file, config.ignored, detected?.reason), null, 2)}\n`
}
