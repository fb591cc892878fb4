/** The checker: declarations, then rules, then the checks on their meaning, giving the model. */
import { chinaCalendar } from '@awardrules/runtime';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { FileNode } from '../syntax/ast.js';
import { LineMap } from '../syntax/positions.js';
import { fieldsUsedBy } from '../model/contract.js';
import type { Model, NoticeModel, RuleModel } from '../model/types.js';
import { CheckContext, type CheckOptions } from './context.js';
import { declareAll } from './declarations.js';
import { resolveRules } from './rules.js';
import { checkSemantics } from './semantics.js';

export type { CheckOptions } from './context.js';

export interface CheckResult {
  readonly model: Model;
  readonly diagnostics: readonly Diagnostic[];
}

/** `lines`, if given, is the LineMap of `text` (a document has one already). */
export function check(ast: FileNode, text: string, options: CheckOptions = {}, syntaxErrors = false, lines?: LineMap): CheckResult {
  const ctx = new CheckContext(options, text, syntaxErrors);
  const notice = declareAll(ctx, ast);
  const rules = resolveRules(ctx, ast);
  checkReferenceStage(ctx, ast, notice);
  const model = freeze(ctx, notice, rules);
  const semantic = checkSemantics({
    model, lines: lines ?? new LineMap(text), calendar: options.calendar ?? chinaCalendar, syntaxErrors,
    referenceWritten: ast.items.some((i) => i.kind === 'notice' && !!i.reference),
  });
  return { model, diagnostics: [...ctx.diagnostics, ...semantic] };
}

/**
 * `reference decision` makes the reference date the deadline of `decision`; a stage without one leaves
 * no reference date at all. Deadlines are only known once the rules are read, so this comes after them.
 */
function checkReferenceStage(ctx: CheckContext, ast: FileNode, notice: NoticeModel): void {
  if (notice.reference?.kind !== 'stage') return;
  const stage = ctx.stages.get(notice.reference.stage);
  const written = ast.items.find((i) => i.kind === 'notice');
  if (stage && stage.deadline === undefined && written?.kind === 'notice' && written.reference?.stage) {
    ctx.report('AR3023', written.reference.stage, stage.id);
  }
}

function freeze(ctx: CheckContext, notice: NoticeModel, rules: RuleModel[]): Model {
  return {
    notice,
    enums: new Map([...ctx.enums].map(([id, e]) => [id, e.freeze()])),
    fields: ctx.fields,
    awards: [...ctx.awards.values()],
    stages: [...ctx.stages.values()].sort((a, b) => a.order - b.order),
    tables: [...ctx.tables.values()],
    rules,
    usedFields: fieldsUsedBy(ctx.fields, rules),
    references: ctx.references,
  };
}

