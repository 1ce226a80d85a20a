/** A bare HTTP client for a sandbox at any URL (a child process, or in-process): the exact bytes, no retries. */

export interface Answer {
  status: number;
  text: string;
  // Tests read arbitrary fields of the envelope.
  json: any;
  /** The sandbox set `Idempotent-Replayed: true`: this is a stored answer. */
  replayed: boolean;
}

export interface CallOptions {
  key?: string | null;
  /** Sent as is, so a replay can send the very same bytes. */
  body?: string;
  idempotencyKey?: string;
  timeoutMs?: number;
}

export async function call(baseUrl: string, method: string, path: string, options: CallOptions = {}): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (options.key) headers['authorization'] = `Bearer ${options.key}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.idempotencyKey !== undefined) headers['x-idempotency-key'] = options.idempotencyKey;
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    body: options.body,
    redirect: 'manual',
    signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
  });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: response.status, text, json, replayed: response.headers.get('idempotent-replayed') === 'true' };
}

export interface ListedEvent {
  id: string;
  type: string;
  data: { object: Record<string, unknown> };
}

/** Every event of the account, newest first, by pages of 100 (bounded by `maxPages`). */
export async function allEvents(baseUrl: string, secretKey: string, maxPages = 200): Promise<ListedEvent[]> {
  const events: ListedEvent[] = [];
  let after: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const query = `limit=100${after ? `&starting_after=${after}` : ''}`;
    const res = await call(baseUrl, 'GET', `/v1/events?${query}`, { key: secretKey });
    if (res.status !== 200) throw new Error(`GET /v1/events: ${res.status} ${res.text}`);
    const data = res.json.data as ListedEvent[];
    events.push(...data);
    if (!res.json.has_more || data.length === 0) return events;
    after = data[data.length - 1]!.id;
  }
  throw new Error(`more than ${maxPages} pages of events`);
}

/** Runs `task` over `items` with at most `concurrency` at a time. */
export async function inParallel<T, R>(items: readonly T[], concurrency: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!);
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}
