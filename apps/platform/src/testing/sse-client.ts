import http from 'node:http';

export interface SseMessage {
  readonly id?: string;
  readonly event: string;
  readonly data: unknown;
}

/** An open server-sent events response, parsed as it arrives; `next` waits (bounded) for the next message. */
export class SseClient {
  readonly messages: SseMessage[] = [];
  private waiters: (() => void)[] = [];
  private request?: http.ClientRequest;
  /** How the stream ended: `end` when the server finished it, `aborted` when the connection was cut. */
  ended: Promise<'end' | 'aborted'> = new Promise(() => undefined);

  private constructor(
    readonly status: number,
    readonly contentType: string,
  ) {}

  static open(url: string, token: string): Promise<SseClient & { body?: string }> {
    return new Promise((resolve, reject) => {
      const request = http.get(url, { headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' } }, (response) => {
        const client = new SseClient(response.statusCode ?? 0, String(response.headers['content-type'] ?? ''));
        client.request = request;
        response.setEncoding('utf8');
        if (client.status !== 200) {
          let body = '';
          response.on('data', (chunk: string) => (body += chunk));
          response.on('end', () => resolve(Object.assign(client, { body })));
          return;
        }
        client.ended = new Promise((settle) => {
          response.once('end', () => settle('end'));
          response.once('aborted', () => settle('aborted'));
          response.once('error', () => settle('aborted'));
        });
        let buffer = '';
        response.on('data', (chunk: string) => {
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            client.parse(buffer.slice(0, end));
            buffer = buffer.slice(end + 2);
          }
        });
        response.on('error', () => undefined);
        resolve(client);
      });
      request.on('error', reject);
    });
  }

  private parse(block: string): void {
    const fields = new Map<string, string>();
    for (const line of block.split('\n')) {
      const colon = line.indexOf(':');
      if (colon <= 0) continue;
      fields.set(line.slice(0, colon), line.slice(colon + 1).trimStart());
    }
    if (!fields.has('data')) return;
    this.messages.push({ id: fields.get('id'), event: fields.get('event') ?? 'message', data: JSON.parse(fields.get('data') as string) });
    for (const wake of this.waiters.splice(0)) wake();
  }

  /** Waits until `count` messages arrived, or `timeoutMs` passed; returns what arrived. */
  async waitFor(count: number, timeoutMs: number): Promise<SseMessage[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.messages.length < count && Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, deadline - Date.now());
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return [...this.messages];
  }

  close(): void {
    this.request?.destroy();
  }
}
