import type { Server, ServerResponse } from 'node:http';

/** How long requests still being answered get once the server closes, before their connections are cut. */
export const CLOSE_GRACE_MS = 10_000;

/**
 * Closing the server (SIGTERM, `app.close()`) ends the answers that stream until the client leaves (server-sent
 * events: a staff member's open web app), which would otherwise hold the stop open for as long as the tab stays open.
 * Node's `close()` then lets the other requests in flight finish and drops idle keep-alive connections; whatever is
 * still open after `graceMs` is cut. For Fastify (the services) and Express (the gateway) alike: it wraps the
 * server's own `close`, whichever framework calls it.
 */
export function endStreamsOnClose(server: Server, graceMs = CLOSE_GRACE_MS): void {
  const answering = new Set<ServerResponse>();
  server.on('request', (_request, response: ServerResponse) => {
    answering.add(response);
    response.once('close', () => answering.delete(response));
  });
  const close = server.close.bind(server);
  server.close = (callback?: (error?: Error) => void): Server => {
    // A stream has sent its headers and is not finished; an ordinary answer is sent whole, so none is cut here.
    for (const response of answering) if (response.headersSent && !response.writableEnded) response.end();
    setTimeout(() => server.closeAllConnections(), graceMs).unref();
    return close(callback);
  };
}
