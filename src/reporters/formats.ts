// The names of the report formats, without loading the reporters (the command line loads the one a run asks for).
export const FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit', 'markdown', 'gitlab', 'checklist', 'html', 'json-with-metadata'] as const
