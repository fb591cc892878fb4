import { describe, expect, it } from 'vitest';
import { MESSAGES, localeFromEnv, render } from '@awardrules/language';

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
