import { buildDocument, type AwardDocument, type CheckOptions } from '@awardrules/language';

/** Builds a document from source text; `files` stands in for the file system. */
export function doc(text: string, files: Record<string, string> = {}, options: CheckOptions = {}): AwardDocument {
  return buildDocument('test.award', text, { readFile: (p) => files[p], ...options });
}

/** `CODE line:col` of every diagnostic, 1-based, in order. */
export function codes(d: AwardDocument): string[] {
  return d.diagnostics.map((x) => {
    const p = d.lines.position(x.span.start);
    return `${x.code} ${p.line + 1}:${p.character + 1}`;
  });
}

/** A minimal notice header, for tests about rules. */
export const HEADER = 'notice "测〔2024〕1号" {\n  title "测试通知"\n  issued 2024-01-02\n  reference 2024-03-01\n}\n';
