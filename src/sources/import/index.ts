/** The `import` source: files in any supported format → the store. */
export { importPaths, type ImportOptions } from './import-paths.js';
export { IMPORT_FORMATS } from './formats.js';
export { RECORD_KINDS, type Counts, type FileSummary, type ImportSummary, type RecordKind, type SkippedPath } from './framework/import-summary.js';
