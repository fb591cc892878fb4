/**
 * Checking off the server's thread. A check of a large file takes a tenth of a second or more, and
 * on the server's one thread nothing else would be answered meanwhile; a worker thread checks each
 * edited text as soon as it arrives, and sends back only its diagnostics (data, a few KB: a whole
 * checked document would take longer to copy between threads than to check again). The server
 * thread still builds its own checked state, for the features, when they need it (see documents.ts).
 *
 * The worker runs the program the server was started from (the same bundle, the same arguments): its
 * `runServer` sees `isCheckWorker()` and serves checks instead of starting a server.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { AwardDocument, Diagnostic } from '@awardrules/language';
import { buildFor, type BuildSettings } from './build.js';

interface CheckRequest {
  readonly uri: string;
  readonly text: string;
  readonly catalog?: readonly string[];
}

type CheckReply = { readonly diagnostics: readonly Diagnostic[] } | { readonly error: string };

const ROLE = 'awardrules-check-worker';

/** How many files' last documents a worker keeps to reparse from (a 10,000-line one takes about 50 MB). */
const KEPT_DOCUMENTS = 4;

/** Whether this thread is a check worker (the entry point then calls `serveChecks`). */
export function isCheckWorker(): boolean {
  return !isMainThread && (workerData as { role?: unknown } | null)?.role === ROLE;
}

/** The worker's side: checks each text it is sent and replies with the diagnostics, in order. */
export function serveChecks(): void {
  const port = parentPort!;
  // A worker's stdout is the process's, which carries the protocol under --stdio: anything logged goes to stderr.
  const toStderr = (...args: unknown[]) => { process.stderr.write(`${args.map(String).join(' ')}\n`); };
  console.log = console.info = console.debug = console.warn = console.error = toStderr;
  // The last document checked of each file (the few most recent files): the next text of a file is
  // parsed from it, reading again only what the edit touched. Nothing else holds it, so it is taken over.
  const last = new Map<string, AwardDocument>();
  port.on('message', (req: CheckRequest) => {
    let reply: CheckReply;
    try {
      const previous = last.get(req.uri);
      last.delete(req.uri);
      const doc = buildFor(req.uri, req.text, req.catalog ? { catalog: new Set(req.catalog) } : {}, {
        diagnosticsOnly: true, ...(previous ? { reuse: { previous, takeOver: true } } : {}),
      });
      last.set(req.uri, doc);
      if (last.size > KEPT_DOCUMENTS) last.delete(last.keys().next().value!);
      reply = { diagnostics: doc.diagnostics };
    } catch (e) {
      reply = { error: e instanceof Error ? e.stack ?? e.message : String(e) };
    }
    port.postMessage(reply);
  });
}

/** How often a worker that stopped is started again before the server checks on its own thread only. */
const RESTARTS = 3;

/** The server's side: one worker, one check at a time; a worker that stops is started again (a few times). */
export class BackgroundChecker {
  private worker: Worker;
  private waiting: ((reply: CheckReply) => void) | undefined;
  private broken = false;
  private stopped = false;
  private restarts = 0;

  /**
   * `argv`: the program's arguments, by default the server's own, so that a program that reads them
   * (`awardc lsp --stdio`) takes the same path to its `runServer`, which then serves checks.
   */
  constructor(private readonly script: URL, private readonly onError: (what: string, e: unknown) => void, private readonly argv: readonly string[] = process.argv.slice(2)) {
    this.worker = this.start();
  }

  private start(): Worker {
    const worker = new Worker(this.script, { workerData: { role: ROLE }, argv: [...this.argv] });
    // The worker must never keep the server alive once the connection ends.
    worker.unref();
    worker.on('message', (reply: CheckReply) => {
      const done = this.waiting;
      this.waiting = undefined;
      done?.(reply);
    });
    let failed = false;
    const fail = (e: unknown) => {
      if (failed || this.stopped) return;
      failed = true;
      // Reported once: by the check that was waiting (it answers "no diagnostics"), or here.
      const done = this.waiting;
      this.waiting = undefined;
      if (done) done({ error: e instanceof Error ? e.stack ?? e.message : String(e) });
      else this.onError('the background checker', e);
      if (this.restarts < RESTARTS) {
        this.restarts++;
        try {
          this.worker = this.start();
          return;
        } catch (again) {
          this.onError('restarting the background checker', again);
        }
      }
      this.broken = true;
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`it stopped (exit code ${code})`)));
    return worker;
  }

  /** Whether it can take a text now (it is not checking one, and has not failed). */
  get ready(): boolean {
    return !this.broken && !this.waiting;
  }

  get failed(): boolean {
    return this.broken;
  }

  /** The diagnostics of `text`; undefined if the worker failed (the server's own checks go on). */
  check(uri: string, text: string, settings: BuildSettings): Promise<readonly Diagnostic[] | undefined> {
    if (!this.ready) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      this.waiting = (reply) => {
        if ('error' in reply) {
          this.onError(`checking ${uri} in the background`, reply.error);
          resolve(undefined);
        } else {
          resolve(reply.diagnostics);
        }
      };
      const req: CheckRequest = { uri, text, ...(settings.catalog ? { catalog: [...settings.catalog] } : {}) };
      this.worker.postMessage(req);
    });
  }

  stop(): void {
    this.stopped = true;
    this.broken = true;
    void this.worker.terminate();
  }
}
