/** Terminal colours, off when the output is not a terminal or NO_COLOR is set (picocolors decides). */
import pc from 'picocolors';

export interface Style {
  readonly red: (s: string) => string;
  readonly yellow: (s: string) => string;
  readonly cyan: (s: string) => string;
  readonly dim: (s: string) => string;
  readonly bold: (s: string) => string;
  readonly green: (s: string) => string;
}

const plain = (s: string) => s;

export function createStyle(enabled: boolean): Style {
  const c = pc.createColors(enabled);
  return enabled
    ? { red: c.red, yellow: c.yellow, cyan: c.cyan, dim: c.dim, bold: c.bold, green: c.green }
    : { red: plain, yellow: plain, cyan: plain, dim: plain, bold: plain, green: plain };
}

/** Colour for stdout unless piped, NO_COLOR is set, or --no-color was given. */
export function colorEnabled(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv, flag: boolean | undefined): boolean {
  if (flag === false || 'NO_COLOR' in env) return false;
  if ('FORCE_COLOR' in env) return true;
  return !!stream.isTTY;
}
