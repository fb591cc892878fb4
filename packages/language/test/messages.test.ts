import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HINT_VARIANTS, hintText, MESSAGES, localeFromEnv, render } from '@awardrules/language';

const placeholders = (s: string) => [...new Set(s.match(/\{\d+\}/g) ?? [])].sort();

describe('diagnostic message table', () => {
  it('has stable codes grouped by phase, each with a Chinese and an English message', () => {
    for (const [code, def] of Object.entries(MESSAGES)) {
      expect(code).toMatch(/^AR[12346]\d{3}$/);
      expect(def.en.trim().length, code).toBeGreaterThan(0);
      expect(def.zh.trim().length, code).toBeGreaterThan(0);
      expect(/[\u4e00-\u9fff]/.test(def.zh), `${code} zh is Chinese`).toBe(true);
    }
  });

  it('uses the same placeholders in both languages, for messages and hints', () => {
    for (const [code, def] of Object.entries(MESSAGES) as [string, { en: string; zh: string; hint?: { en: string; zh: string } }][]) {
      expect(placeholders(def.zh), code).toEqual(placeholders(def.en));
      if (def.hint) expect(placeholders(def.hint.zh), `${code} hint`).toEqual(placeholders(def.hint.en));
    }
  });

  it('has case-dependent hints in both languages, with the same placeholders', () => {
    for (const [key, v] of Object.entries(HINT_VARIANTS)) {
      expect(/[\u4e00-\u9fff]/.test(v.zh), `${key} zh is Chinese`).toBe(true);
      expect(placeholders(v.zh), key).toEqual(placeholders(v.en));
    }
    expect(hintText('unordered-yes-no', 'serving')).toEqual({
      en: 'A yes/no field is a condition by itself: write  serving  or  not serving .', zh: '是/否类数据项本身就是条件：请写 serving 或 not serving。',
    });
  });

  it('lists only codes that some package reports (AR2027 is gone: bands compare as ranges)', () => {
    const root = new URL('../../', import.meta.url).pathname;
    const sources = (dir: string): string[] => readdirSync(dir).flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') && !p.endsWith('messages.ts') ? [p] : [];
    });
    const text = readdirSync(root).filter((pkg) => existsSync(join(root, pkg, 'src'))).flatMap((pkg) => sources(join(root, pkg, 'src')))
      .map((f) => readFileSync(f, 'utf8')).join('\n');
    const used = new Set(text.match(/AR\d{4}/g));
    expect(Object.keys(MESSAGES).filter((code) => !used.has(code))).toEqual([]);
    expect('AR2027' in MESSAGES).toBe(false);
  });

  it('renders arguments that differ by language', () => {
    const d = { code: 'AR2001' as const, args: [{ en: 'rank', zh: '职级' }, 'x', { en: "'vice-bureau'", zh: '“副厅级”' }] };
    expect(render(d, 'en')).toEqual({ severity: 'error', message: "Unknown rank 'x'.", hint: "Did you mean 'vice-bureau'?" });
    expect(render(d, 'zh')).toEqual({ severity: 'error', message: '未知的职级“x”。', hint: '您是否想写 “副厅级”？' });
  });

  it('takes the language from the environment', () => {
    expect(localeFromEnv({ LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(localeFromEnv({ LANG: 'en_US.UTF-8' })).toBe('en');
    expect(localeFromEnv({ LC_ALL: 'zh_TW', LANG: 'en_US' })).toBe('zh');
    expect(localeFromEnv({})).toBe('en');
  });
});
