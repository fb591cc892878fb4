export * from './types.js';
export * from './schema.js';
export * from './checks.js';
export { message, verdict, valueText, fieldsText, amountText, boundText, dateText, t } from './messages.js';
export { runValidation, type Context, type Failure, type NomineeVerdict, type SlateVerdict, type RuleCheck, type RuleSet } from './engine.js';
export * from './verdicts.js';
export * from './counts.js';
export * from './procedures.js';
