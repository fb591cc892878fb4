import { describe, expect, it } from 'vitest';
import { Lexer, type TokenType } from 'chevrotain';
import { KEYWORDS, lex, tokens } from '@awardrules/language';

/** Which token types the lexer tries first at each character (its first-char table, a Chevrotain internal). */
function firstCharTable(types: readonly TokenType[]): string[][] {
  const lexer = new Lexer([...types], { positionTracking: 'onlyOffset', skipValidations: true });
  const table = (lexer as unknown as { charCodeToPatternIdxToConfig: { defaultMode: ({ tokenType: TokenType }[] | undefined)[] } }).charCodeToPatternIdxToConfig.defaultMode;
  return Array.from(table, (configs) => (configs ?? []).map((c) => c.tokenType.name));
}

const kinds = (text: string) => lex(text).tokens.map((t) => `${t.tokenType.name}:${t.image}`);

describe('lexer', () => {
  it('builds a lexer whose definitions pass Chevrotain validation, with first-char optimisation', () => {
    expect(() => tokens.createLexer({ validate: true })).not.toThrow();
  });

  it("gives each token the first characters Chevrotain works out from its pattern", () => {
    // The same token types without the hints (where a pattern is a regular expression Chevrotain can read).
    const unhinted = tokens.LEXED.map((t) => {
      if (!(t.PATTERN instanceof RegExp)) return t;
      const copy: TokenType = { ...t };
      delete copy.START_CHARS_HINT;
      return copy;
    });
    expect(tokens.LEXED.filter((t) => t.PATTERN instanceof RegExp && t.START_CHARS_HINT).length).toBeGreaterThan(20);
    expect(firstCharTable(tokens.LEXED)).toEqual(firstCharTable(unhinted));
  });

  it('lexes a name starting with any character a name can start with (the hand-made first characters of names)', () => {
    const missed: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const text = String.fromCharCode(c) + (c >= 0xd800 && c <= 0xdbff ? '\udc00' : '');
      if (tokens.identifierLength(text, 0) === 0) continue;
      const lexed = lex(text);
      if (lexed.errors.length > 0 || lexed.tokens.length !== 1) missed.push(c.toString(16));
    }
    expect(missed).toEqual([]);
  });

  it('turns every spelling of every keyword into its keyword token', () => {
    for (const kw of KEYWORDS) {
      for (const s of kw.spellings) {
        const [t] = lex(s).tokens;
        expect(t?.tokenType.name, s).toBe(kw.name);
      }
    }
  });

  it('keeps longer words that start with a keyword as names', () => {
    expect(kinds('attested at notices no not')).toEqual(['Identifier:attested', 'At:at', 'Identifier:notices', 'No:no', 'Not:not']);
  });

  it('reads Chinese names, including supplementary-plane characters and bracketed names', () => {
    expect(kinds('rank >= 副厅级')).toEqual(['Identifier:rank', 'GreaterEq:>=', 'Identifier:副厅级']);
    expect(kinds('𠀀名 x')).toEqual(['Identifier:𠀀名', 'Identifier:x']);
    expect(kinds('县（市、区）级 = （a）')).toEqual(['Identifier:县（市、区）级', 'Equals:=', 'LParen:（', 'Identifier:a', 'RParen:）']);
    expect(kinds('买买提·艾力')).toEqual(['Identifier:买买提·艾力']);
  });

  it('reads full-width punctuation and symbol operators as their ASCII tokens', () => {
    expect(kinds('≥ ≤ ≠ ， ％ ｛ ｝ ： →')).toEqual(['GreaterEq:≥', 'LessEq:≤', 'NotEq:≠', 'Comma:，', 'Percent:％', 'LBrace:｛', 'RBrace:｝', 'Colon:：', 'Arrow:→']);
  });

  it('reads full-width comparison operators as the ASCII ones, as NFKC does, half full-width too', () => {
    expect(kinds('＞＝ ＜＝ ！＝ ＝ ＞ ＜ ＞= <＝ －＞')).toEqual([
      'GreaterEq:＞＝', 'LessEq:＜＝', 'NotEq:！＝', 'Equals:＝', 'Greater:＞', 'Less:＜', 'GreaterEq:＞=', 'LessEq:<＝', 'Arrow:－＞',
    ]);
    for (const [fw, ascii] of [['＞＝', '>='], ['＜＝', '<='], ['！＝', '!='], ['＝', '='], ['＞', '>'], ['＜', '<'], ['－＞', '->']]) {
      expect(fw.normalize('NFKC'), fw).toBe(ascii);
      expect(kinds(fw)[0]!.split(':')[0], fw).toBe(kinds(ascii)[0]!.split(':')[0]);
    }
  });

  it('reads a name that starts with digits as one name, and digits glued to a unit as a quantity', () => {
    expect(kinds('5A区 3A级 4A 5A 5年度 a5')).toEqual(['DigitName:5A区', 'DigitName:3A级', 'DigitName:4A', 'DigitName:5A', 'DigitName:5年度', 'Identifier:a5']);
    // Glued units are one token; the AST reads them as quantities (parser.test.ts).
    expect(kinds('5年 5个工作日 5years 500KB')).toEqual(['DigitName:5年', 'DigitName:5个工作日', 'DigitName:5years', 'DigitName:500KB']);
    expect(kinds('5 年 3 个月 10 天 5 工作日 5 个工作日')).toEqual([
      'NumberLiteral:5', 'Years:年', 'NumberLiteral:3', 'Months:个月', 'NumberLiteral:10', 'Days:天', 'NumberLiteral:5', 'Workdays:工作日',
      'NumberLiteral:5', 'Workdays:个工作日',
    ]);
    // A date comes first, and a number followed by anything but a name stays a number.
    expect(kinds('2024年3月15日 12.5% 5-a')).toEqual(['DateLiteral:2024年3月15日', 'NumberLiteral:12.5', 'Percent:%', 'NumberLiteral:5', 'Identifier:a']);
  });

  it('reads curly-quoted text with curly quotes nested in pairs, closed by the matching ”', () => {
    expect(kinds('“保持良好的“亲清”关系” x')).toEqual(['StringLiteral:“保持良好的“亲清”关系”', 'Identifier:x']);
    expect(kinds('“一“二“三“四”四”三”二” x')).toEqual(['StringLiteral:“一“二“三“四”四”三”二”', 'Identifier:x']);
    expect(kinds('“a”b” c')[0]).toBe('StringLiteral:“a”');
    // Unbalanced: unclosed, up to the end of the line.
    expect(kinds('“a“b” c\nx')).toEqual(['UnclosedString:“a“b” c', 'Identifier:x']);
    expect(kinds('"a “b” c"')).toEqual(['StringLiteral:"a “b” c"']);
  });

  it('reads dates in both forms, glued numbers, tags and clauses', () => {
    expect(kinds('2024-03-15 2024年3月15日 4A 500KB 15% #J23-CAP-1 @四(二)2')).toEqual([
      'DateLiteral:2024-03-15', 'DateLiteral:2024年3月15日', 'DigitName:4A', 'DigitName:500KB', 'NumberLiteral:15', 'Percent:%',
      'Tag:#J23-CAP-1', 'Clause:@四(二)2',
    ]);
  });

  it('reads straight and curly quoted text, and keeps an unclosed string as a string', () => {
    expect(kinds('"a\\"b" “中文”')).toEqual(['StringLiteral:"a\\"b"', 'StringLiteral:“中文”']);
    expect(kinds('"open\nx')).toEqual(['UnclosedString:"open', 'Identifier:x']);
  });

  it('separates comments from tokens', () => {
    const r = lex('a // one\n/* two */ b');
    expect(r.tokens.map((t) => t.image)).toEqual(['a', 'b']);
    expect(r.comments.map((t) => t.image)).toEqual(['// one', '/* two */']);
  });

  it('reports characters it cannot read', () => {
    expect(lex('a ? b').errors).toEqual([{ offset: 2, length: 1 }]);
  });
});
