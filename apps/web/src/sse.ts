import { authHeaders } from './api';

export interface StreamHandlers {
  onMessage: (event: string, data: unknown) => void;
  onOpen: () => void;
  onClosed: () => void;
}

/**
 * Follows a server-sent events route with the bearer token (EventSource cannot send headers): reads the
 * response body as it arrives, and reconnects with a growing pause when it ends. Returns a stop function.
 */
export function follow(path: string, handlers: StreamHandlers): () => void {
  const controller = new AbortController();
  let pause = 1000;
  const run = async (): Promise<void> => {
    while (!controller.signal.aborted) {
      try {
        const response = await fetch(path, { headers: { accept: 'text/event-stream', ...authHeaders() }, signal: controller.signal });
        if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
        handlers.onOpen();
        pause = 1000;
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            let event = 'message';
            const data: string[] = [];
            for (const line of block.split('\n')) {
              if (line.startsWith('event:')) event = line.slice(6).trim();
              else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
            }
            if (data.length > 0) handlers.onMessage(event, JSON.parse(data.join('\n')));
          }
        }
      } catch {
        if (controller.signal.aborted) return;
      }
      handlers.onClosed();
      await new Promise((resolve) => setTimeout(resolve, pause));
      pause = Math.min(pause * 2, 30_000);
    }
  };
  void run();
  return () => controller.abort();
}
