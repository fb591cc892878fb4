/** Verdicts both implementations give in the same words. */
import { t } from './messages.js';
import type { NomineeVerdict } from './engine.js';
import type { AwardSchema, FieldSchema } from './schema.js';
import type { Localized, RuleInfo } from './types.js';

export const PASSED: NomineeVerdict = { outcome: 'passed' };

export function notForAward(award: AwardSchema): NomineeVerdict {
  return { outcome: 'not-applicable', reason: t(`for ${award.label.en} only`, `仅适用于${award.label.zh}`) };
}

export function notUnderCondition(info: RuleInfo): NomineeVerdict {
  return {
    outcome: 'not-applicable',
    reason: info.condition ? t(`only where ${info.condition.en}`, `仅适用于${info.condition.zh}的对象`) : t('condition not met', '不满足适用条件'),
  };
}

export const NO_ROUTE: NomineeVerdict = { outcome: 'not-applicable', reason: t('no route matches this nominee', '无对应的分流条件') };
/** A publicity before a stage without a deadline that the nominee has not reached. */
export function notDue(stage: Localized | undefined): NomineeVerdict {
  return { outcome: 'not-applicable', reason: stage ? t(`not due before '${stage.en}'`, `“${stage.zh}”之前的公示，尚未到期`) : t('not due yet', '尚未到期') };
}

export const SINGLE_UNIT: NomineeVerdict = { outcome: 'not-applicable', reason: t('one unit: the unit publicity rule covers it', '只有一个所在单位：由本单位公示规则检查') };

export const NO_SUBMISSION: NomineeVerdict = { outcome: 'not-applicable', reason: t('no submission date given', '未注明报送日期') };
export const EXCEPTION_APPLIES: NomineeVerdict = { outcome: 'passed', reason: t('the exception applies', '符合例外情形') };
/**
 * A violated rule whose exception cannot be shown because a value it needs is missing: exceptions must
 * be shown (如在近5年内作出新的突出贡献，可以参加评选), so the rule applies, and the finding says why.
 */
export function exceptionNotShown(measured: Localized, missing: readonly FieldSchema[]): Localized {
  const en = missing.map((f) => f.label.en).join(', ');
  const zh = missing.map((f) => f.label.zh).join('、');
  return t(`${measured.en}; the exception is not shown (${en}: empty)`, `${measured.zh}；未能表明符合例外情形（${zh}为空）`);
}

export const UNCLASSIFIED: Localized = t('some nominees could not be classified', '部分推荐对象无法归类');
export const NO_SELECTION: Localized = t('not checked: no selection on the slate', '未检查：名单未注明拟表彰对象');

export const OP_WORDS: Readonly<Record<string, Localized>> = {
  '<=': t('at most', '不超过'), '<': t('less than', '低于'), '>=': t('at least', '不低于'), '>': t('more than', '高于'), '=': t('exactly', '等于'),
};

/** "not confirmed: …" for attest groups. */
export function notConfirmed(items: readonly string[]): Localized {
  return t(`not confirmed: ${items.join('; ')}`, `未确认：${items.join('；')}`);
}

export function noOpinion(labels: readonly Localized[]): Localized {
  return t(`no opinion on file from ${labels.map((l) => l.en).join(', ')}`, `缺少${labels.map((l) => l.zh).join('、')}的意见`);
}
