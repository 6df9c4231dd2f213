/**
 * The page-wide cache of remote documents. Elements that read the same URL (with the
 * same credentials mode) share one entry: one request, one parse, one refresh schedule.
 *
 * An entry lives while it has subscribers. It fetches once when the first one arrives,
 * then, when any subscriber asks for `refresh`, again at the shortest interval asked,
 * with conditional requests, exponential back-off after failures, and pauses while the
 * tab is hidden or no subscriber is near the viewport. When the last subscriber leaves,
 * its request is aborted and the entry is dropped.
 */
import { DataError } from './error.js';
import { readBytes } from './read.js';

export type Fetcher = (input: string, init: RequestInit) => Promise<Response>;

/** The largest body accepted; bigger ones are aborted while they stream in. */
export const MAX_BYTES = 5 * 1024 * 1024;
/** The longest wait between two attempts after failures. */
export const MAX_BACKOFF_MS = 5 * 60 * 1000;
/** The request timeout when no subscriber sets one. */
export const DEFAULT_TIMEOUT_S = 10;

export interface FeedOptions {
  /** Seconds between re-fetches (at least 1); none: fetch once. */
  refresh?: number;
  /** Seconds a request may take, body included. */
  timeout: number;
}

/** What a subscriber hears. Calls happen outside the subscribe() call, never during it. */
export interface FeedListener {
  /** A new document: the parsed body of an answer that differs from the previous one. */
  document(document: unknown, url: string): void;
  /** The server answered with what it said before (a 304, or the same bytes). */
  unchanged(): void;
  /** A request failed or its answer could not be parsed; the last document stays cached. */
  error(error: Error): void;
}

export interface FeedSubscription {
  configure(options: FeedOptions): void;
  /** Whether this subscriber is near the viewport; refreshes pause while none is. */
  setVisible(visible: boolean): void;
  /** Leaves the entry; the last one out aborts its request. */
  close(): void;
}

/** The wait before the next attempt: the interval, doubled per failure, capped at five minutes. */
export function backoffDelay(intervalMs: number, failures: number): number {
  if (failures <= 0) return intervalMs;
  return Math.min(intervalMs * 2 ** failures, Math.max(MAX_BACKOFF_MS, intervalMs));
}

const seconds = (value: number) => `${Number(value.toFixed(2))} s`;
const megabytes = (bytes: number) => `${Number((bytes / 1024 / 1024).toFixed(1))} MB`;

/** A fetch TypeError: the browser hides whether CORS or the network refused, so name both. */
function unreadable(url: string, cause: unknown): DataError {
  return new DataError(
    `${url} could not be read: the feed's server does not allow this site to read it (CORS), or the network failed`,
    { cause },
  );
}

function tooLarge(url: string): DataError {
  return new DataError(`${url} is larger than ${megabytes(MAX_BYTES)}, the most a feed may weigh`);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.byteLength; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

/** Reads a body up to MAX_BYTES, cancelling the stream (and the request) past it. */
async function readCapped(response: Response, url: string, abort: () => void): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > MAX_BYTES) {
    abort();
    throw tooLarge(url);
  }
  const reader = response.body?.getReader();
  if (!reader) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.byteLength > MAX_BYTES) throw tooLarge(url);
    return bytes;
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BYTES) {
      abort();
      void reader.cancel().catch(() => {});
      throw tooLarge(url);
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0];
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

const NON_FEED_TYPES = /^\s*(image|audio|video|font)\//i;

interface Subscriber {
  listener: FeedListener;
  options: FeedOptions;
  visible: boolean;
}

type Outcome = { changed: true; document: unknown; url: string } | { changed: false };

class Feed {
  readonly #subscribers = new Set<Subscriber>();
  readonly #key: string;
  readonly #url: string;
  readonly #credentials: RequestCredentials;
  readonly #fetcher: Fetcher;
  readonly #crossOrigin: boolean;
  /** The last good answer: its parsed document, its bytes and validators. */
  #document?: { value: unknown; url: string };
  #bytes?: Uint8Array;
  #contentType?: string | null;
  #etag?: string;
  #lastModified?: string;
  #request?: AbortController;
  #timer?: ReturnType<typeof setTimeout>;
  #failures = 0;
  #jitter = 1;
  #settledAt = 0;

  constructor(key: string, url: string, credentials: RequestCredentials, fetcher: Fetcher) {
    this.#key = key;
    this.#url = url;
    this.#credentials = credentials;
    this.#fetcher = fetcher;
    this.#crossOrigin = typeof location === 'undefined' || new URL(url).origin !== location.origin;
  }

  add(subscriber: Subscriber): void {
    this.#subscribers.add(subscriber);
    const cached = this.#document;
    if (cached) {
      queueMicrotask(() => {
        if (this.#subscribers.has(subscriber)) subscriber.listener.document(cached.value, cached.url);
      });
    } else if (!this.#request) {
      // The first subscriber, or a new one after a failure: (re)try now.
      void this.#fetch();
    }
    this.schedule();
  }

  remove(subscriber: Subscriber): void {
    if (!this.#subscribers.delete(subscriber)) return;
    if (this.#subscribers.size > 0) {
      this.schedule();
      return;
    }
    clearTimeout(this.#timer);
    this.#request?.abort(new DOMException('No element reads this feed any more', 'AbortError'));
    this.#request = undefined;
    if (feeds.get(this.#key) === this) feeds.delete(this.#key);
  }

  /** Plans the next refresh, or fetches now when one is due; nothing while paused. */
  schedule(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#request || this.#subscribers.size === 0 || this.#settledAt === 0) return;
    const interval = this.#interval();
    if (interval === undefined || !this.#active()) return;
    const due = this.#settledAt + backoffDelay(interval, this.#failures) * this.#jitter;
    this.#timer = setTimeout(() => void this.#fetch(), Math.max(0, due - Date.now()));
  }

  #interval(): number | undefined {
    let shortest: number | undefined;
    for (const { options } of this.#subscribers) {
      if (options.refresh !== undefined && (shortest === undefined || options.refresh < shortest)) {
        shortest = options.refresh;
      }
    }
    return shortest === undefined ? undefined : shortest * 1000;
  }

  #active(): boolean {
    if (typeof document !== 'undefined' && document.visibilityState === 'hidden') return false;
    for (const subscriber of this.#subscribers) if (subscriber.visible) return true;
    return false;
  }

  #timeout(): number {
    let longest = 0;
    for (const { options } of this.#subscribers) longest = Math.max(longest, options.timeout);
    return longest || DEFAULT_TIMEOUT_S;
  }

  async #fetch(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const request = new AbortController();
    this.#request = request;
    const timeout = this.#timeout();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      request.abort(new DOMException('Timed out', 'TimeoutError'));
    }, timeout * 1000);
    let outcome: Outcome | undefined;
    let failure: Error | undefined;
    try {
      outcome = await this.#attempt(request);
    } catch (error) {
      if (timedOut)
        failure = new DataError(`${this.#url} did not answer within ${seconds(timeout)}`, { cause: error });
      else failure = error instanceof Error ? error : new DataError(String(error));
    } finally {
      clearTimeout(timer);
    }
    // Left behind: every subscriber is gone and the request was aborted for them.
    if (this.#request !== request) return;
    this.#request = undefined;
    this.#settledAt = Date.now();
    if (failure) {
      this.#failures += 1;
      this.#jitter = 1 + Math.random() * 0.1;
    } else {
      this.#failures = 0;
      this.#jitter = 1;
    }
    this.schedule();
    for (const subscriber of [...this.#subscribers]) {
      if (!this.#subscribers.has(subscriber)) continue;
      const { listener } = subscriber;
      try {
        if (failure) listener.error(failure);
        else if (outcome?.changed) listener.document(outcome.document, outcome.url);
        else listener.unchanged();
      } catch (error) {
        // One element's mistake must not starve the others.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  /** One request: resolves with the new document or "unchanged", throws a DataError. */
  async #attempt(request: AbortController): Promise<Outcome> {
    const url = this.#url;
    const abort = () => request.abort();
    const init: RequestInit = { signal: request.signal, credentials: this.#credentials };
    if (this.#document) {
      if (this.#crossOrigin) {
        // Conditional headers set by script would make a cross-origin request "non-simple"
        // (a CORS preflight many feed servers refuse): let the HTTP cache revalidate instead.
        init.cache = 'no-cache';
      } else {
        const headers: Record<string, string> = {};
        if (this.#etag) headers['If-None-Match'] = this.#etag;
        if (this.#lastModified) headers['If-Modified-Since'] = this.#lastModified;
        init.headers = headers;
        init.cache = 'no-store';
      }
    }
    let response: Response;
    try {
      response = await this.#fetcher(url, init);
    } catch (error) {
      if (request.signal.aborted) throw error;
      throw error instanceof TypeError ? unreadable(url, error) : error;
    }
    if (response.status === 304) {
      void response.body?.cancel().catch(() => {});
      if (this.#document) return { changed: false };
      throw new DataError(`${url} answered 304 Not Modified to a request that was not conditional`);
    }
    if (!response.ok) {
      void response.body?.cancel().catch(() => {});
      throw new DataError(`${url} answered ${response.status} ${response.statusText}`.trim());
    }
    const contentType = response.headers.get('content-type');
    if (contentType && NON_FEED_TYPES.test(contentType)) {
      abort();
      throw new DataError(`${url} is ${contentType.split(';')[0].trim()}, not a feed`);
    }
    let bytes: Uint8Array;
    try {
      bytes = await readCapped(response, url, abort);
    } catch (error) {
      if (!request.signal.aborted && error instanceof TypeError) throw unreadable(url, error);
      throw error;
    }
    const etag = response.headers.get('etag') ?? undefined;
    const lastModified = response.headers.get('last-modified') ?? undefined;
    if (this.#document && this.#bytes && this.#contentType === contentType && sameBytes(bytes, this.#bytes)) {
      this.#etag = etag;
      this.#lastModified = lastModified;
      return { changed: false };
    }
    const finalUrl = response.url || url;
    // UTF-8 JSON at once; a feed or another encoding after its reader has loaded.
    const document = await readBytes(bytes, contentType, finalUrl);
    // Only a good answer replaces the cache and its validators.
    this.#document = { value: document, url: finalUrl };
    this.#bytes = bytes;
    this.#contentType = contentType;
    this.#etag = etag;
    this.#lastModified = lastModified;
    return { changed: true, document, url: finalUrl };
  }
}

const feeds = new Map<string, Feed>();
const fetcherIds = new WeakMap<Fetcher, number>();
let nextFetcherId = 0;

/**
 * Subscribes to the document at `url` (absolute). Subscribers with the same URL,
 * credentials mode and fetcher share one entry.
 */
export function subscribe(
  url: string,
  credentials: RequestCredentials,
  fetcher: Fetcher,
  options: FeedOptions,
  listener: FeedListener,
): FeedSubscription {
  let id = fetcherIds.get(fetcher);
  if (id === undefined) {
    id = nextFetcherId++;
    fetcherIds.set(fetcher, id);
  }
  const key = `${id} ${credentials} ${url}`;
  let feed = feeds.get(key);
  if (!feed) {
    feed = new Feed(key, url, credentials, fetcher);
    feeds.set(key, feed);
  }
  const subscriber: Subscriber = { listener, options: { ...options }, visible: true };
  const entry = feed;
  entry.add(subscriber);
  let open = true;
  return {
    configure(next) {
      if (
        !open ||
        (next.refresh === subscriber.options.refresh && next.timeout === subscriber.options.timeout)
      )
        return;
      subscriber.options = { ...next };
      entry.schedule();
    },
    setVisible(visible) {
      if (!open || subscriber.visible === visible) return;
      subscriber.visible = visible;
      entry.schedule();
    },
    close() {
      if (!open) return;
      open = false;
      entry.remove(subscriber);
    },
  };
}

/** How many documents are cached (and possibly being fetched) right now; for tests. */
export function liveFeeds(): number {
  return feeds.size;
}

if (typeof document !== 'undefined') {
  // Back in view: a refresh that fell due while the tab was hidden happens now.
  document.addEventListener('visibilitychange', () => {
    for (const feed of feeds.values()) feed.schedule();
  });
}
