/** Safe names and literals in generated code: nothing from a rule file can break out of a string. */

/** JSON text with every character tools stumble on escaped: line separators, C1 controls, BOMs. */
function escapeJson(json: string): string {
  return json.replace(/[\u007f-\u009f\u2028\u2029\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A string literal for any text: JSON escaping, plus the characters older tools choke on. */
export function str(s: string): string {
  return escapeJson(JSON.stringify(s));
}

/**
 * Any JSON value as a literal, with the same escaping. A `"__proto__":` key would set the prototype of
 * an object literal instead of adding a property (a value may be called __proto__), so it becomes the
 * computed key `["__proto__"]:`. Inside JSON strings every `"` is escaped, so the pattern only meets keys.
 */
export function lit(v: unknown): string {
  return escapeJson(JSON.stringify(v)).replace(/([{,])"__proto__":/g, '$1["__proto__"]:');
}

const IDENTIFIER = /^[A-Za-z_$\u3400-\u9fff][A-Za-z0-9_$\u3400-\u9fff]*$/;
const RESERVED = new Set(['break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'enum',
  'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'new', 'null', 'return', 'super',
  'switch', 'this', 'throw', 'true', 'try', 'typeof', 'var', 'void', 'while', 'with', 'yield', 'let', 'static', 'implements',
  'interface', 'package', 'private', 'protected', 'public', 'await']);

export function isIdentifier(s: string): boolean {
  return IDENTIFIER.test(s) && !RESERVED.has(s);
}

/** A property key: bare when it can be, quoted otherwise. */
export function key(prop: string): string {
  return isIdentifier(prop) ? prop : str(prop);
}

/** `body-type` → `BodyType`; names that cannot be identifiers get a prefix. */
export function pascal(id: string): string {
  const p = id.split(/[-_\s]+/).filter(Boolean).map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
  return isIdentifier(p) ? p : `T${p.replace(/[^A-Za-z0-9_$\u3400-\u9fff]/g, '_')}`;
}

/** Text safe inside a block comment. */
export function commentText(s: string): string {
  // Control characters would make git and grep take the file for binary.
  return s.replace(/\*\//g, '*\\/').replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f\ufeff]/g, '\uFFFD');
}
