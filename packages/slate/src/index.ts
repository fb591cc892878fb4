export { readSlate, readRows, detectFormat, SlateReadError, type SlateRead, type SlateFormat, type ReadOptions, type Workbook } from './read.js';
export { findLayout, type Layout, type Columns } from './layout.js';
export * as cells from './cells.js';
export { writeAnnotated, type AnnotateInput } from './annotate.js';
export { templateColumns, writeTemplate, type TemplateColumn } from './template.js';
