import { describe, expect, it } from 'vitest';
import { KEYWORDS, tokens } from '@awardrules/language';

const kinds = (text: string) => tokens.lex(text).tokens.map((t) => `${t.tokenType.name}:${t.image}`);

describe('lexer', () => {
  it('builds a lexer whose definitions pass Chevrotain validation, with first-char optimisation', () => {
    expect(() => tokens.createLexer({ validate: true })).not.toThrow();
  });

  it('turns every spelling of every keyword into its keyword token', () => {
    for (const kw of KEYWORDS) {
      for (const s of kw.spellings) {
        const [t] = tokens.lex(s).tokens;
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
    const r = tokens.lex('a // one\n/* two */ b');
    expect(r.tokens.map((t) => t.image)).toEqual(['a', 'b']);
    expect(r.comments.map((t) => t.image)).toEqual(['// one', '/* two */']);
  });

  it('reports characters it cannot read', () => {
    expect(tokens.lex('a ? b').errors).toEqual([{ offset: 2, length: 1 }]);
  });
});
