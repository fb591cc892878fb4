/**
 * The semantic diff: each kind of change classified as the notices' reviewers would (tightened,
 * loosened, changed in meaning), with witnesses that really behave as claimed when run through the
 * validators; no change reported for what only looks different.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffDocuments, impactOf, type DiffResult, type RuleChange, type Witness } from '@awardrules/diff';
import { createReferenceValidator } from '@awardrules/interpreter';
import type { AwardDocument } from '@awardrules/language';
import { readSlate } from '@awardrules/slate';
import { ROOT } from '../support.js';
import { checkedDocument } from '../validation/support.js';

function doc(text: string, file = 'x.award'): AwardDocument {
  return checkedDocument(text, file);
}

function example(path: string): AwardDocument {
  return checkedDocument(readFileSync(`${ROOT}${path}`, 'utf8'), path);
}

function diff(a: AwardDocument, b: AwardDocument, awards?: [string, string][]): DiffResult {
  return diffDocuments({ file: 'old.award', doc: a }, { file: 'new.award', doc: b }, awards ? { awards } : {});
}

/** `kind tag` for each change, by the new rule's tag (the old one's for removed rules). */
function brief(d: DiffResult): string[] {
  return d.changes.map((c) => `${c.kind} ${(c.new ?? c.old)!.tags[0] ?? '-'}`).sort();
}

const verdictOf = (d: AwardDocument, ruleId: string, w: Witness): string => {
  const result = createReferenceValidator(d.model, d.lines)(w.input, {});
  const mine = result.findings.filter((f) => f.rule === ruleId || (f.rule === 'data' && f.blocks?.includes(ruleId)));
  if (mine.some((f) => f.rule === 'data')) return 'undecided';
  return mine.some((f) => f.severity === 'error') ? 'fails' : mine.some((f) => f.severity === 'warning') ? 'warning' : 'passes';
};

/** A witness's input, run through each version's full validator, fares as the witness says. */
function expectWitnessesHold(a: AwardDocument, b: AwardDocument, c: RuleChange): void {
  for (const w of c.witnesses) {
    if (w.noteBefore) continue; // preferences and exemptions: notes, checked by their own cases
    if (w.kind === 'nominee') {
      if (c.new) expect(verdictOf(b, c.new.id, w), `${c.new.id} after: ${w.description.en}`).toBe(w.after);
      // The input is in the new file's vocabulary; these cases keep the old one's names.
      if (c.old) expect(verdictOf(a, c.old.id, w), `${c.old.id} before: ${w.description.en}`).toBe(w.before);
    }
  }
}

// ── a small notice, changed one way at a time ───────────────────────────────────────────────────
const HEAD = `notice { title "测试" issued 2024-01-01 tags T reference submission }
deadline submission "报送" by 2024-03-15 #T-DEADLINE-1
stage decision "确定表彰对象"
extend region { east "东区" west "西区" }
field work "从事相关工作" "related work": tenure
`;

const BASE: Record<string, string> = {
  cap: 'cap rank = county-level <= 10% of recommended #T-CAP-1',
  quota: 'quota <= 60 #T-QUOTA-1',
  publicity: 'publicity >= 5 days at unit before submission #T-PUBLICITY-1',
  exclude: 'exclude rank >= vice-bureau #T-EXCLUDE-1',
  tenure: 'require work >= 5 years #T-REQUIRE-1',
  attest: 'attest any of {\n    a "甲"\n    b "乙"\n  } #T-ATTEST-1',
  consult: 'consult {organisation-personnel} #T-CONSULT-1',
  material: 'material form "推荐审批表" copies >= 3 #T-MATERIAL-1',
  soft: 'soft require rank <= section #T-REQUIRE-2',
};

function notice(rules: Record<string, string | undefined>, head = HEAD): AwardDocument {
  const body = Object.values(rules).filter((r): r is string => !!r).map((r) => `  ${r}`).join('\n');
  return doc(`${head}award person "先进个人" "Advanced individual" for individual {\n${body}\n}\n`);
}

function changed(edit: Record<string, string | undefined>, head?: string): { d: DiffResult; a: AwardDocument; b: AwardDocument } {
  const a = notice(BASE);
  const b = notice({ ...BASE, ...edit }, head);
  return { d: diff(a, b), a, b };
}

describe('each kind of change', () => {
  const cases: [string, Record<string, string | undefined>, string[]][] = [
    ['a cap raised from 10% to 15% loosens', { cap: 'cap rank = county-level <= 15% of recommended #T-CAP-1' }, ['loosened T-CAP-1']],
    ['a cap lowered tightens', { cap: 'cap rank = county-level <= 5% of recommended #T-CAP-1' }, ['tightened T-CAP-1']],
    ['a cap counted of the selected instead of the recommended changes in meaning', { cap: 'cap rank = county-level <= 10% of selected #T-CAP-1' }, ['changed T-CAP-1']],
    ['a cap on a wider group tightens', { cap: 'cap rank >= deputy-county <= 10% of recommended #T-CAP-1' }, ['tightened T-CAP-1']],
    ['a cap counted per region as well tightens', { cap: 'cap rank = county-level <= 10% of recommended per region #T-CAP-1' }, ['tightened T-CAP-1']],
    ['a quota from 60 to 50 tightens', { quota: 'quota <= 50 #T-QUOTA-1' }, ['tightened T-QUOTA-1']],
    ['5 days of publicity becoming 5 working days tightens', { publicity: 'publicity >= 5 workdays at unit before submission #T-PUBLICITY-1' }, ['tightened T-PUBLICITY-1']],
    ['publicity moved to another level changes in meaning', { publicity: 'publicity >= 5 days at province before submission #T-PUBLICITY-1' }, ['changed T-PUBLICITY-1']],
    ['an exclusion widened tightens', { exclude: 'exclude rank >= county #T-EXCLUDE-1' }, ['tightened T-EXCLUDE-1']],
    ['a tenure shortened loosens', { tenure: 'require work >= 3 years #T-REQUIRE-1' }, ['loosened T-REQUIRE-1']],
    ['any of becoming all of tightens', { attest: 'attest all of {\n    a "甲"\n    b "乙"\n  } #T-ATTEST-1' }, ['tightened T-ATTEST-1']],
    ['a department added to the consultation tightens', { consult: 'consult {organisation-personnel, discipline-inspection} #T-CONSULT-1' }, ['tightened T-CONSULT-1']],
    ['fewer copies loosen', { material: 'material form "推荐审批表" copies >= 2 #T-MATERIAL-1' }, ['loosened T-MATERIAL-1']],
    ['原则上 becoming a requirement tightens', { soft: 'require rank <= section #T-REQUIRE-2' }, ['tightened T-REQUIRE-2']],
    ['an exclusion added', { extra: 'exclude rank = county #T-EXCLUDE-9' }, ['added T-EXCLUDE-9']],
    ['a rule removed', { consult: undefined }, ['removed T-CONSULT-1']],
    ['an attest item reworded, nothing else: no change in meaning', { attest: 'attest any of {\n    a "甲（修订）"\n    b "乙"\n  } #T-ATTEST-1' }, ['reworded T-ATTEST-1']],
  ];
  for (const [name, edit, expected] of cases) {
    it(name, () => {
      const { d, a, b } = changed(edit);
      expect(brief(d)).toEqual(expected);
      for (const c of d.changes) {
        if (c.kind === 'tightened' || c.kind === 'loosened') expect(c.witnesses.length, 'a witness').toBeGreaterThan(0);
        if (c.kind === 'changed') expect(c.witnesses.length, 'a witness each way').toBeGreaterThanOrEqual(c.witnesses.some((w) => w.noteBefore) ? 1 : 2);
        expectWitnessesHold(a, b, c);
      }
    });
  }

  it('a deadline moved later loosens, with the day in between as witness', () => {
    const { d, a, b } = changed({}, HEAD.replace('by 2024-03-15', 'by 2024-03-20'));
    expect(brief(d)).toEqual(['loosened T-DEADLINE-1']);
    expect(d.changes[0]!.details[0]!.en).toBe('date: 2024-03-15 → 2024-03-20');
    expect(d.changes[0]!.witnesses[0]!.description.en).toMatch(/2024-03-1[6-9]|2024-03-20/);
    expectWitnessesHold(a, b, d.changes[0]!);
    // The reference date is that deadline: it moves too, and is reported for the whole notice.
    expect(d.notice).toContainEqual({ what: 'reference', before: '2024-03-15', after: '2024-03-20' });
  });

  it('says what changed, part by part, in both languages', () => {
    const { d } = changed({ cap: 'cap rank = county-level <= 15% of recommended #T-CAP-1' });
    expect(d.changes[0]!.summary.en).toContain('≤10% of recommended → ≤15% of recommended');
    expect(d.changes[0]!.summary.zh).toContain('≤推荐总数的10% → ≤推荐总数的15%');
    const w = d.changes[0]!.witnesses[0]!;
    expect([w.before, w.after]).toEqual(['fails', 'passes']);
    expect(w.kind).toBe('slate');
    // 3 of 20 county-level (15%): above 10%, within 15%.
    expect(w.description.en).toMatch(/^a slate of 20: 3 × \(Advanced individual; rank: deputy county\/division level; all selected\)/);
  });
});

describe('periods of fixed dates against look-back windows (reference 2024-03-15)', () => {
  // `within 3 years` counts from 2021-03-16, `within 10 years` from 2014-03-16.
  const one = (rule: string) => doc(`${HEAD}field hired "入职时间": date\naward person "先进个人" for individual {\n  ${rule}\n}\n`);
  const cases: [string, string, string, string][] = [
    ['a period where records counted at any time loosens', 'require no violation #T-REQUIRE-1', 'require no violation since 2020-01-01 #T-REQUIRE-1', 'loosened'],
    ['a window moved to fixed years that reach both earlier and not as late changes in meaning', 'require no violation within 3 years #T-REQUIRE-1', 'require no violation during 2020..2022 #T-REQUIRE-1', 'changed'],
    ['since a date becoming years that end earlier changes in meaning', 'require no violation since 2020-01-01 #T-REQUIRE-1', 'require no violation during 2018..2020 #T-REQUIRE-1', 'changed'],
    ['all of two kinds in a period against a window changes in meaning', 'exclude records has all {violation, sanction} within 3 years #T-EXCLUDE-1', 'exclude records has all {violation, sanction} during 2021 #T-EXCLUDE-1', 'changed'],
    ['a date in a window becoming a date in fixed years changes in meaning', 'require hired within 10 years #T-REQUIRE-1', 'require hired during 2010..2015 #T-REQUIRE-1', 'changed'],
  ];
  for (const [name, before, after, kind] of cases) {
    it(name, () => {
      const [a, b] = [one(before), one(after)];
      const d = diff(a, b);
      expect(d.changes.map((c) => c.kind)).toEqual([kind]);
      expect(d.changes[0]!.exhaustive).toBe(true);
      expect(d.changes[0]!.witnesses.length).toBe(kind === 'changed' ? 2 : 1);
      expectWitnessesHold(a, b, d.changes[0]!);
    });
  }
});

describe('no noise', () => {
  const base = `notice { title "测试" issued 2024-01-01 tags T }
award person "先进个人" for individual {
  exclude rank >= vice-bureau #T-EXCLUDE-1
  cap rank = county-level <= 20% of recommended #T-CAP-1
  quota <= 30 #T-QUOTA-1
  publicity >= 5 workdays at unit #T-PUBLICITY-1
}
`;
  const variants: [string, string][] = [
    ['rules in another order', base.replace(/(  exclude.*\n)(  cap.*\n)(  quota.*\n)/, '$3$1$2')],
    ['another layout and comments', base.replace('  exclude rank >= vice-bureau', '  // 副厅级以上不参加\n  exclude   rank>=vice-bureau  ').replace('quota <= 30', 'quota<=30 /* 表彰名额 */')],
    ['Chinese spellings of the same names', base.replace('rank >= vice-bureau', '职级 >= 副厅级').replace('rank = county-level', '职级 = 县处级').replace('5 workdays at unit', '5 个工作日 at 本单位')],
    ['the equivalent names other notices use', base.replace('rank >= vice-bureau', 'rank >= 副司局级').replace('rank = county-level', 'rank = "处(团)级"')],
    ['predicates that select the same nominees', base.replace('rank >= vice-bureau', 'rank > county').replace('rank = county-level', 'rank in {deputy-county, county}')],
    ['full-width punctuation', base.replace('<= 20%', '≤ 20％')],
  ];
  for (const [name, text] of variants) {
    it(name, () => {
      const d = diff(doc(base), doc(text));
      expect(d.changes).toEqual([]);
      expect(d.counts.unchanged).toBe(4);
    });
  }

  it('a file against itself', () => {
    const j23 = example('examples/jilin-2023-social-orgs.award');
    const d = diff(j23, j23);
    expect(d.changes).toEqual([]);
    expect(d.notice).toEqual([]);
    expect(d.counts.unchanged).toBe(j23.model.rules.length);
  });
});

describe('renamed names are matched and reported', () => {
  it('an award and a field under new ids', () => {
    const a = doc(`notice { title "测试" issued 2024-01-01 tags T reference 2024-03-15 }
field work "从事信访工作" "petition work": tenure
award person "先进个人" for individual {
  require work >= 3 years #T-REQUIRE-1
}
`);
    const b = doc(`notice { title "测试" issued 2024-01-01 tags T reference 2024-03-15 }
field petition-work "从事信访工作" "petition work": tenure
award advanced-individual "先进个人" for individual {
  require petition-work >= 3 years #T-REQUIRE-1
}
`);
    const d = diff(a, b);
    expect(d.changes).toEqual([]);
    expect(d.renames.map((r) => `${r.what} ${r.old}→${r.new}`).sort()).toEqual(['award person→advanced-individual', 'field work→petition-work']);
  });
});

describe('the example diffs', () => {
  const j20 = example('examples/jilin-2020-judicial-covid.award');
  const j23 = example('examples/jilin-2023-social-orgs.award');
  const amended = example('examples/diffs/jilin-2023-social-orgs.amended.award');

  it('the 补充通知: the deadline moved, the cap lowered, the publicity in calendar days, an exclusion added', () => {
    const d = diff(j23, amended);
    expect(brief(d)).toEqual(['added J23-EXCLUDE-3', 'changed J23-PUBLICITY-1', 'loosened J23-DEADLINE-1', 'tightened J23-CAP-1']);
    for (const c of d.changes) expectWitnessesHold(j23, amended, c);
    expect(d.notice.find((n) => n.what === 'reference')).toEqual({ what: 'reference', before: '2024-03-15', after: '2024-03-29' });
  });

  it('Jilin 2020 against 2023, on their individual awards', () => {
    const d = diff(j20, j23, [['outstanding-individual', 'advanced-person']]);
    const kinds = new Map(d.changes.map((c) => [`${c.old?.tags[0] ?? '-'}→${c.new?.tags[0] ?? '-'}`, c.kind]));
    expect(kinds.get('J20-CAP-1→J23-CAP-1')).toBe('changed');
    expect(kinds.get('J20-PUBLICITY-1→J23-PUBLICITY-1')).toBe('changed');
    expect(kinds.get('J20-REQUIRE-2→J23-REQUIRE-4')).toBe('tightened');
    expect(kinds.get('J20-EXCLUDE-1→J23-EXCLUDE-2')).toBeUndefined(); // the same exclusion: unchanged
    expect(kinds.get('J20-ROUTE-1→-')).toBe('removed');
    expect(kinds.get('-→J23-CONSULT-1')).toBe('added');
    // Only the individual awards and the rules of every award are compared.
    expect(d.changes.every((c) => !c.old?.award || c.old.award === 'outstanding-individual')).toBe(true);
    expect(d.changes.every((c) => !c.new?.award || c.new.award === 'advanced-person')).toBe(true);
    expect(d.renames).toContainEqual(expect.objectContaining({ what: 'award', old: 'outstanding-individual', new: 'advanced-person' }));
  });

  it('the effect of the 补充通知 on the passing 2023 slate', async () => {
    const path = 'examples/slates/jilin-2023-social-orgs.pass.xlsx';
    const bytes = readFileSync(`${ROOT}${path}`);
    const [a, b] = await Promise.all([readSlate(path, bytes, j23.model), readSlate(path, bytes, amended.model)]);
    const d = diff(j23, amended);
    const impact = impactOf(j23, amended, d, path, a.slate, b.slate);
    // Every nominee publicised for one working week (5 calendar days) now falls short of 7 days;
    // those publicised across the Spring Festival (02-05..02-19) still pass.
    const failing = impact.nomineeChanges.filter((c) => c.after === 'fails');
    expect(failing.length).toBe(impact.nomineeChanges.length);
    expect(failing.every((c) => c.because.length === 1 && c.because[0]!.rule === '#J23-PUBLICITY-1 (changed)')).toBe(true);
    const january = a.slate.nominees.filter((n) => (n['publicityRecords'] as { start: string }[] | undefined)?.some((p) => p.start === '2024-01-08'));
    expect(failing.map((c) => c.id).sort()).toEqual(january.map((n) => n['id'] as string).sort());
    // 4 county-level cadres of 78 selected: within 15% before, above 5% now.
    expect(impact.slateChanges).toEqual([expect.objectContaining({ rule: '#J23-CAP-1 (tightened)', appears: true })]);
  });
});
