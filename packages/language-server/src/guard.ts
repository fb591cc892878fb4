/**
 * The one wrapper every handler goes through (Langium's createRequestHandler, without the waiting):
 * an exception in a feature is logged to the client and the request answers with an empty result, so
 * one bug never takes the server down. A handler that refuses on purpose (renaming a standard name)
 * returns a ResponseError, which goes back to the client as it is.
 */
import type { CancellationToken, Connection, ResponseError } from 'vscode-languageserver';

type Result<R> = R | ResponseError<void>;

function report(connection: Connection, feature: string, e: unknown): void {
  const detail = e instanceof Error ? (e.stack ?? e.message) : String(e);
  try {
    connection.console.error(`AwardRules ${feature} failed: ${detail}`);
  } catch {
    // The connection itself is gone; there is no one left to tell.
  }
}

export function guard<P, R>(
  connection: Connection, feature: string, empty: R,
  handler: (params: P, token: CancellationToken) => Result<R> | Promise<Result<R>>,
): (params: P, token: CancellationToken) => Promise<Result<R>> {
  return async (params, token) => {
    try {
      return await handler(params, token);
    } catch (e) {
      report(connection, feature, e);
      return empty;
    }
  };
}

export function guardNotification<P>(connection: Connection, feature: string, handler: (params: P) => void | Promise<void>): (params: P) => Promise<void> {
  return async (params) => {
    try {
      await handler(params);
    } catch (e) {
      report(connection, feature, e);
    }
  };
}

export { report as reportError };
