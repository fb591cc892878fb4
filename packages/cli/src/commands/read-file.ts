import { InputError, decodeText, readBytes } from '../io.js';

/** A small text file the user names (a column mapping); UTF-8 or GB18030. */
export function readFileFile(path: string): string {
  try {
    return decodeText(readBytes(path, 1024 * 1024)).text;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError('AR6001', [path, (e as Error).message]);
  }
}
