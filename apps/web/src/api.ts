/** A problem+json answer (RFC 9457) as the API sends it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    detail: string,
    readonly fieldErrors: readonly { field: string; message: string; code?: string }[] = [],
    /** The whole problem, with the members a route adds (e.g. `duplicates`). */
    readonly body: Readonly<Record<string, unknown>> = {},
  ) {
    super(detail);
  }
}

let bearer: string | null = null;
let onUnauthorised: () => void = () => undefined;

export const setBearer = (token: string | null): void => {
  bearer = token;
};
export const whenUnauthorised = (handler: () => void): void => {
  onUnauthorised = handler;
};

export const authHeaders = (): Record<string, string> => (bearer ? { authorization: `Bearer ${bearer}` } : {});

export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const response = await fetch(path, {
    method: init.method ?? 'GET',
    headers: { accept: 'application/json', ...authHeaders(), ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  const text = await response.text();
  const body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  if (!response.ok) {
    if (response.status === 401 && bearer) onUnauthorised();
    throw new ApiError(
      response.status,
      String(body['code'] ?? body['title'] ?? response.status),
      String(body['detail'] ?? response.statusText),
      Array.isArray(body['errors']) ? (body['errors'] as { field: string; message: string; code?: string }[]) : [],
      body,
    );
  }
  return body as T;
}
