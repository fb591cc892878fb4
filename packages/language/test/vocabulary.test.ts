import { describe, expect, it } from 'vitest';
import { STANDARD_ENUMS, STANDARD_FIELDS, nameKey } from '@awardrules/language';

describe('standard vocabulary', () => {
  it('gives every spelling in an enumeration exactly one meaning', () => {
    for (const e of STANDARD_ENUMS) {
      const seen = new Map<string, string>();
      for (const t of [...e.values, ...(e.groups ?? [])]) {
        for (const s of [t.id, t.zh, t.en ?? '', ...(t.aliases ?? [])].filter(Boolean)) {
          const k = nameKey(s);
          if (seen.has(k)) expect(seen.get(k), `${e.id}: '${s}'`).toBe(t.id);
          seen.set(k, t.id);
        }
      }
    }
  });

  it('has groups whose members exist, and bands that are contiguous on their scale', () => {
    for (const e of STANDARD_ENUMS) {
      const ids = e.values.map((v) => v.id);
      for (const g of e.groups ?? []) {
        for (const m of g.members) expect(ids, `${e.id}.${g.id}`).toContain(m);
        if (e.ordered) {
          const pos = g.members.map((m) => ids.indexOf(m)).sort((a, b) => a - b);
          expect(pos[pos.length - 1]! - pos[0]!, `${g.id} contiguous`).toBe(pos.length - 1);
        }
      }
    }
  });

  it('knows the equivalent names the notices use for vice-bureau rank', () => {
    const rank = STANDARD_ENUMS.find((e) => e.id === 'rank')!;
    const vb = rank.values.find((v) => v.id === 'vice-bureau')!;
    const spellings = [vb.zh, ...(vb.aliases ?? [])].map(nameKey);
    for (const s of ['副厅级', '副厅局级', '副司局级', '副厅（局、师）级']) expect(spellings).toContain(nameKey(s));
    const band = rank.groups!.find((g) => g.id === 'county-level')!;
    expect(band.members).toEqual(['deputy-county', 'county']);
    expect([band.zh, ...(band.aliases ?? [])].map(nameKey)).toEqual(expect.arrayContaining(['县处级', '处级', nameKey('处(团)级')]));
  });

  it('types every standard field, pointing enumerations at known lists', () => {
    const enums = new Set([...STANDARD_ENUMS.map((e) => e.id), 'award', 'condition']);
    for (const f of STANDARD_FIELDS) {
      if (f.type.kind === 'enum' || f.type.kind === 'set' || f.type.kind === 'events') expect(enums, f.id).toContain(f.type.enum);
    }
  });
});
