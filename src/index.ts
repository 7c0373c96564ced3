// Public API of clauselint.
export {lint, lintFiles, readAgreement, readSource, FileError, type LintOptions, type LintFilesOptions, type Source} from './lint.js'
export {readDocx, type DocxReading, type ParagraphRef, type ReadDocxOptions, type Changes, type DocxComment} from './docx/read.js'
export {DocxError} from './docx/zip.js'
export {annotateDocx, type ParagraphNote, type AnnotateOptions} from './docx/annotate.js'
export {buildDocument} from './document.js'
export {clauselintParse, parseMarkdown, PARSERS, type ParserName} from './parse.js'
export {runRules} from './engine.js'
export {findClause, clauseRule, type ClauseData, type ClauseRuleSpec, type Unit, type Verdict} from './clauses.js'
export {profileRules, PROFILES, type ProfileName} from './profiles.js'
export {reporters, type Reporter} from './reporters/index.js'
export {rules} from '../rules/index.js'
export type {Rule, RuleMeta, RuleContext, Report, RuleCategory, AnyRule, RuleOptionsMeta, JsonSchema} from './rule.js'
export {ConfigLoader, ConfigError, PRESETS, type ConfigLoaderOptions, type FileConfig, type Settings} from './config.js'
export {customRuleFromData} from './custom-rules.js'
export {applySuppressions, parseDirectives, type Directive} from './suppressions.js'
export type * from './types.js'
export * from './reading/values/index.js'
export {read, Reading, TextCache} from './reading/index.js'
export {
  compare,
  compareDocuments,
  CompareError,
  KIND_SEVERITY,
  type ClauseComparison,
  type CompareOptions,
  type Comparison,
  type Difference,
  type DifferenceKind,
  type Place,
  type WordChange,
} from './compare/compare.js'
export {learn, learnFiles, proposalYaml, LearnError, type Learned, type LearnedValue} from './compare/learn.js'
