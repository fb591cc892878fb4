/**
 * The open documents and their checked state. Every check goes through the language's one pipeline,
 * `buildDocument`, exactly as `awardc check` does; this file only decides when: at once on open; at
 * once for the first edit after a pause in typing, if checks of the document are quick (a notice of a
 * few hundred lines checks in a few ms); otherwise 150 ms after the last edit (each edit restarts the
 * wait, so a burst of typing costs one check); and immediately when a request needs the state of the
 * current text (hover, rename, …).
 *
 * A check runs on the server's one thread, so while it runs nothing else is answered. For a large
 * file (10,000 lines check in about 0.1–0.3 s) the wait after an edit grows to twice the last check's
 * time: someone typing steadily then gets completions at once, and the check runs when they pause.
 * The diagnostics do not wait for it: when the server runs as a program, a worker thread
 * (background.ts) checks every edited text at once, one after another, and the diagnostics of
 * whichever check of the newest text finishes first are published.
 *
 * Completion does not wait for a check: it reads the last checked state, which may be a few edits old,
 * together with the current text (`unchangedPrefix` says how much of the text that state still
 * describes exactly).
 */
import { buildDocument, LineMap, type AwardDocument, type Diagnostic } from '@awardrules/language';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { BackgroundChecker } from './background.js';
import { buildFor, type BuildSettings } from './build.js';

export type { BuildSettings };

/** The longest wait after an edit, however long checks take. */
const MAX_WAIT_MS = 1000;

/** A check that took at most this long (ms) runs at once for an edit after a pause: nobody waits on it. */
export const QUICK_CHECK_MS = 30;

export interface Snapshot {
  readonly uri: string;
  readonly version: number;
  readonly doc: AwardDocument;
}

/** Diagnostics to publish: those of one version of a document, with its lines to place them. */
export interface Checked {
  readonly uri: string;
  readonly version: number;
  readonly lines: LineMap;
  readonly diagnostics: readonly Diagnostic[];
}

export interface StoreHooks {
  readonly settings: () => BuildSettings;
  /** Called with the diagnostics of a version newer than any published (or of the same, when settings changed). */
  readonly publish: (c: Checked) => void;
  readonly onError: (what: string, e: unknown) => void;
  readonly debounceMs: number;
  /** How quick a document's checks must be for the first edit after a pause to be checked at once (ms). */
  readonly quickCheckMs: number;
  /** Checks edited texts off the server's thread, if there is one. */
  readonly background?: BackgroundChecker;
}

export class OpenDocument {
  /** How much of the current text is unchanged since `built` was checked: every edit since lies after it. */
  unchangedPrefix = Infinity;
  timer: NodeJS.Timeout | undefined = undefined;
  /** How long the last check took (ms). */
  checkMs = 0;
  /** When the last edit came (performance.now()). */
  lastEditAt = -Infinity;
  /** The version whose diagnostics were published last. */
  publishedVersion = -Infinity;

  constructor(public text: TextDocument, public built: Snapshot) {}

  get uri(): string {
    return this.text.uri;
  }

  get stale(): boolean {
    return this.built.version !== this.text.version;
  }
}

export class DocumentStore {
  private readonly docs = new Map<string, OpenDocument>();
  /** Documents edited since the background checker last took them, in the order they were edited. */
  private readonly toCheck = new Set<OpenDocument>();
  /** Opened documents to check in the background although their diagnostics are published (see `open`). */
  private readonly warming = new Set<OpenDocument>();

  constructor(private readonly hooks: StoreHooks) {}

  get(uri: string): OpenDocument | undefined {
    return this.docs.get(uri);
  }

  open(uri: string, text: string, version: number): OpenDocument {
    this.close(uri);
    const td = TextDocument.create(uri, 'award', version, text);
    let built: Snapshot;
    const started = performance.now();
    try {
      built = { uri, version, doc: this.check(uri, text) };
    } catch (e) {
      // Keep the document open (edits must still be tracked), with an empty state that counts as stale.
      this.hooks.onError(`checking ${uri}`, e);
      built = { uri, version: -1, doc: buildDocument(uri, '') };
    }
    const d = new OpenDocument(td, built);
    // How long checks of it take decides whether its next edit is checked at once (see schedule).
    d.checkMs = performance.now() - started;
    this.docs.set(uri, d);
    this.publish(d, built.version, built.doc.lines, built.doc.diagnostics, true);
    // The checker checks the opened text too (its diagnostics are those just published): the first
    // check in a thread runs cold, several times slower, and it should not be the first edit's.
    if (this.hooks.background) {
      this.warming.add(d);
      this.toCheck.add(d);
      this.checkInBackground();
    }
    return d;
  }

  change(uri: string, changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    const d = this.docs.get(uri);
    if (!d) return;
    for (const c of changes) {
      // Edits apply one after another; each one leaves the text before its start as it was.
      const start = 'range' in c ? d.text.offsetAt(c.range.start) : 0;
      d.unchangedPrefix = Math.min(d.unchangedPrefix, start);
      d.text = TextDocument.update(d.text, [c], version);
    }
    this.schedule(d);
    if (this.hooks.background) {
      // Edited again before its turn: it keeps its place in the queue, and the newest text is checked.
      this.toCheck.add(d);
      this.checkInBackground();
    }
  }

  close(uri: string): boolean {
    const d = this.docs.get(uri);
    if (!d) return false;
    clearTimeout(d.timer);
    this.docs.delete(uri);
    this.toCheck.delete(d);
    this.warming.delete(d);
    return true;
  }

  /** The checked state of the current text, checking it now if an edit is still waiting. */
  current(uri: string): Snapshot | undefined {
    const d = this.docs.get(uri);
    if (!d) return undefined;
    if (d.stale) this.rebuild(d);
    return d.built;
  }

  /** Forgets every document and its pending check (at shutdown). */
  clear(): void {
    for (const d of this.docs.values()) clearTimeout(d.timer);
    this.docs.clear();
    this.toCheck.clear();
    this.warming.clear();
    this.hooks.background?.stop();
  }

  /** Checks every open document again (after a settings change or a change to a table file). */
  rebuildAll(): void {
    for (const d of this.docs.values()) this.rebuild(d, true);
  }

  /** Hands the first edited document to the background checker, if it is free; goes on when it is done. */
  private checkInBackground(): void {
    const checker = this.hooks.background;
    if (!checker?.ready) return;
    const next = this.toCheck.values().next();
    if (next.done) return;
    const d = next.value;
    this.toCheck.delete(d);
    const version = d.text.version;
    // Already published (checked on this thread): nothing to do, unless it is to warm the checker up.
    const warmUp = this.warming.delete(d);
    if (version <= d.publishedVersion && !warmUp) {
      this.checkInBackground();
      return;
    }
    const text = d.text.getText();
    void checker.check(d.uri, text, this.hooks.settings()).then((diagnostics) => {
      try {
        if (diagnostics && this.docs.get(d.uri) === d) this.publish(d, version, new LineMap(text), diagnostics);
      } catch (e) {
        this.hooks.onError(`publishing the diagnostics of ${d.uri}`, e);
      } finally {
        this.checkInBackground();
      }
    });
  }

  private publish(d: OpenDocument, version: number, lines: LineMap, diagnostics: readonly Diagnostic[], force = false): void {
    if (!force && version <= d.publishedVersion) return;
    d.publishedVersion = version;
    this.hooks.publish({ uri: d.uri, version, lines, diagnostics });
  }

  private schedule(d: OpenDocument): void {
    clearTimeout(d.timer);
    const now = performance.now();
    const afterPause = now - d.lastEditAt >= this.hooks.debounceMs;
    d.lastEditAt = now;
    // On the next turn of the event loop, so that edits already received come along.
    const wait = afterPause && d.checkMs <= this.hooks.quickCheckMs ? 0 : Math.max(this.hooks.debounceMs, Math.min(MAX_WAIT_MS, 2 * d.checkMs));
    d.timer = setTimeout(() => {
      d.timer = undefined;
      if (this.docs.get(d.uri) === d && d.stale) this.rebuild(d);
    }, wait);
  }

  /** Checks the current text on this thread; `force`: publish even if that version's diagnostics were (settings changed). */
  private rebuild(d: OpenDocument, force = false): void {
    clearTimeout(d.timer);
    d.timer = undefined;
    try {
      const text = d.text.getText();
      const started = performance.now();
      d.built = { uri: d.uri, version: d.text.version, doc: this.check(d.uri, text, d.built.doc) };
      d.checkMs = performance.now() - started;
      d.unchangedPrefix = Infinity;
    } catch (e) {
      this.hooks.onError(`checking ${d.uri}`, e);
      return;
    }
    this.publish(d, d.built.version, d.built.doc.lines, d.built.doc.diagnostics, force);
  }

  /** `previous`: the document's last checked state, whose parse is reused (copied: requests may still hold it). */
  private check(uri: string, text: string, previous?: AwardDocument): AwardDocument {
    return buildFor(uri, text, this.hooks.settings(), previous ? { reuse: { previous } } : {});
  }
}
