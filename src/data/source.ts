import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { NewsErrorEvent, NewsLoadEvent } from '../events.js';
import {
  DEFAULT_TIMEOUT_S,
  subscribe,
  type Fetcher,
  type FeedOptions,
  type FeedSubscription,
} from './fetch-cache.js';
import { DataError } from './error.js';
import { parseJsonText } from './read.js';

export type Status = 'idle' | 'loading' | 'ready' | 'empty' | 'error';

/** What an element gives its source: the inputs of the contract and how to fetch `src`. */
export interface SourceHost extends ReactiveControllerHost, HTMLElement {
  data?: unknown;
  json?: string | null;
  src?: string | null;
  /** Seconds between re-fetches of `src` (at least 1); unset, 0 or invalid: no refresh. */
  refresh?: number | null;
  /** `lazy`: fetch `src` only once the element nears the viewport. */
  loading?: string | null;
  /** The fetch credentials mode for `src`: `omit` (default), `same-origin` or `include`. */
  credentials?: string | null;
  /** Seconds a request may take, body included (default 10). */
  timeout?: number | null;
  /** When the host has a `status` property, the source keeps it in step with its own. */
  status?: Status;
}

export interface SourceOptions<T> {
  /**
   * Any accepted document -> the element's typed data; throws (or rejects with) a DataError.
   * A promise when a feed reader has to load first: the own format is read at once, so the
   * first render of `data` or `json` is immediate.
   */
  read(document: unknown, baseUrl?: string): T | Promise<T>;
  isEmpty(value: T): boolean;
}

const INLINE_JSON = ':scope > script[type="application/json"]';
const FETCHABLE = new Set(['http:', 'https:', 'blob:', 'data:']);
const CREDENTIALS = new Set<RequestCredentials>(['omit', 'same-origin', 'include']);

/** How far outside the viewport an element counts as near it (lazy loading, refresh pauses). */
export const NEAR_VIEWPORT = '600px 0px';

/** The default fetch function (shared: elements share requests only when they share it). */
const defaultFetcher: Fetcher = (input, init) => fetch(input, init);

/** One IntersectionObserver for every source on the page. */
const nearness = new WeakMap<Element, (near: boolean) => void>();
let viewport: IntersectionObserver | undefined;

function watchViewport(element: Element, callback: (near: boolean) => void): void {
  if (typeof IntersectionObserver === 'undefined') return callback(true);
  viewport ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) nearness.get(entry.target)?.(entry.isIntersecting);
    },
    { rootMargin: NEAR_VIEWPORT },
  );
  nearness.set(element, callback);
  viewport.observe(element);
}

function unwatchViewport(element: Element): void {
  nearness.delete(element);
  viewport?.unobserve(element);
}

type Input =
  | { kind: 'data'; key: unknown; value: unknown }
  | { kind: 'json'; key: string; text: string; origin: string }
  | { kind: 'src'; key: string; url: string; credentials: RequestCredentials }
  | { kind: 'invalid'; key: string; error: DataError }
  | { kind: 'none'; key: 'none' };

/**
 * Holds an element's data and status. Inputs, by precedence: the `data` property,
 * the `json` attribute, an inline `<script type="application/json">` child, `src`.
 * Only the newest input is ever shown: an older request is aborted (unless another
 * element still reads it) and its answer dropped.
 *
 * `src` documents come from the page-wide cache (`fetch-cache.ts`): elements reading
 * one URL share a request, a parse and a refresh schedule, and each applies its own
 * `read`. A refresh that fails or brings garbage keeps the content on screen (status
 * stays `ready`, `news-error` fires); an unchanged answer keeps the very same data
 * object and fires nothing (`news-load` fires once more only after a failure, to say
 * the feed is back).
 */
export class DataSource<T> implements ReactiveController {
  status: Status = 'idle';
  value?: T;
  /** The latest problem; kept with `status` still ready when a refresh failed. */
  error?: NewsErrorEvent['detail'];
  /** The test seam: replaced in tests to script what the local server cannot. */
  fetcher: Fetcher = defaultFetcher;

  readonly #host: SourceHost;
  readonly #options: SourceOptions<T>;
  #inputKey?: unknown;
  #observer?: MutationObserver;
  /** The `src` this element wants, and the cache subscription that serves it. */
  #wanted?: Extract<Input, { kind: 'src' }>;
  #subscription?: { key: string; feed: FeedSubscription; options: FeedOptions };
  /** Whether the element is near the viewport; undefined until the observer says. */
  #near?: boolean;
  /** The input the current value came from, and the value as JSON (to spot equal data; lazily). */
  #valueKey?: unknown;
  #valueJson?: string;
  /** Counts reads: an asynchronous one is dropped when another started after it. */
  #reads = 0;
  #pending?: Promise<void>;

  /** While a document is being read asynchronously (its reader loading): settles when it is done. */
  get pending(): Promise<void> | undefined {
    return this.#pending;
  }

  constructor(host: SourceHost, options: SourceOptions<T>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    // The inline JSON child may arrive after the element upgrades (bundle in <head>)
    // or be edited later by a CMS: watch the light DOM for it.
    this.#observer = new MutationObserver(() => {
      if (this.#inputKey !== this.#currentInput().key) this.#host.requestUpdate();
    });
    this.#observer.observe(this.#host, { childList: true, subtree: true, characterData: true });
    watchViewport(this.#host, (near) => {
      this.#near = near;
      this.#sync();
    });
    // Back in a document after a removal: fetch again (quietly, when content is shown).
    this.#sync();
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    unwatchViewport(this.#host);
    this.#near = undefined;
    // A move (removed and inserted again in one task) keeps the subscription.
    queueMicrotask(() => this.#sync());
  }

  /** Runs before each render: picks the input that wins and loads it when it changed. */
  hostUpdate(): void {
    const input = this.#currentInput();
    if (input.key === this.#inputKey) {
      this.#sync();
      return;
    }
    this.#inputKey = input.key;
    this.#wanted = undefined;
    this.#reads += 1; // an older input's answer, still being read, is stale now
    this.#pending = undefined;
    switch (input.kind) {
      case 'none':
        this.value = undefined;
        this.error = undefined;
        this.#settle('idle');
        break;
      case 'invalid':
        this.#fail(input.error);
        break;
      case 'src':
        this.#wanted = input;
        this.value = undefined;
        this.error = undefined;
        this.#settle('loading');
        break;
      default:
        this.#read(
          () => {
            const document = input.kind === 'data' ? input.value : parseJsonText(input.text, input.origin);
            return this.#options.read(document, globalThis.document?.baseURI);
          },
          input.key,
          (error) => this.#fail(error),
          () => this.#inputKey === input.key,
          true,
        );
    }
    this.#sync();
  }

  #currentInput(): Input {
    const host = this.#host;
    if (host.data !== undefined && host.data !== null)
      return { kind: 'data', value: host.data, key: host.data };
    if (host.json)
      return { kind: 'json', text: host.json, origin: 'json attribute', key: `json:${host.json}` };
    const script = host.querySelector(INLINE_JSON);
    if (script) {
      const text = script.textContent ?? '';
      return { kind: 'json', text, origin: 'inline JSON script', key: `script:${text}` };
    }
    if (host.src) {
      const mode = String(host.credentials ?? 'omit').toLowerCase() as RequestCredentials;
      const credentials = CREDENTIALS.has(mode) ? mode : 'omit';
      let url: URL;
      try {
        url = new URL(host.src, document.baseURI);
      } catch (cause) {
        return {
          kind: 'invalid',
          key: `bad:${host.src}`,
          error: new DataError(`src "${host.src}" is not a URL`, { cause }),
        };
      }
      if (!FETCHABLE.has(url.protocol)) {
        return {
          kind: 'invalid',
          key: `bad:${host.src}`,
          error: new DataError(`src "${host.src}" is not an http(s) URL`),
        };
      }
      return { kind: 'src', url: url.href, credentials, key: `src:${credentials} ${url.href}` };
    }
    return { kind: 'none', key: 'none' };
  }

  #feedOptions(): FeedOptions {
    const refresh = Number(this.#host.refresh);
    const timeout = Number(this.#host.timeout);
    return {
      refresh: this.#host.refresh != null && refresh > 0 ? Math.max(1, refresh) : undefined,
      timeout: this.#host.timeout != null && timeout > 0 ? timeout : DEFAULT_TIMEOUT_S,
    };
  }

  /** Makes the cache subscription match what the element wants, where it is now. */
  #sync(): void {
    const wanted = this.#host.isConnected ? this.#wanted : undefined;
    const current = this.#subscription;
    if (current && current.key !== wanted?.key) {
      this.#subscription = undefined;
      current.feed.close();
    }
    if (!wanted) return;
    const options = this.#feedOptions();
    if (this.#subscription) {
      this.#subscription.feed.configure(options);
      this.#subscription.feed.setVisible(this.#near !== false);
      return;
    }
    if (String(this.#host.loading).toLowerCase() === 'lazy' && this.#near !== true) return;
    const subscription = { key: wanted.key, options, feed: undefined as unknown as FeedSubscription };
    const live = () => this.#subscription === subscription;
    this.#subscription = subscription;
    subscription.feed = subscribe(wanted.url, wanted.credentials, this.fetcher, options, {
      document: (document, url) => {
        if (!live()) return;
        this.#read(
          () => this.#options.read(document, url),
          wanted.key,
          (error) => this.#refreshFailed(error, wanted.key),
          live,
          false,
        );
      },
      unchanged: () => {
        if (live() && this.error && this.#valueKey === wanted.key && this.value !== undefined) {
          this.#recovered();
        }
      },
      error: (error) => {
        if (live()) this.#refreshFailed(error, wanted.key);
      },
    });
    subscription.feed.setVisible(this.#near !== false);
  }

  /**
   * Reads a document: at once, or (a feed whose reader is loading) later, unless the input
   * changed or another document arrived meanwhile. A new input shows the loading state while
   * it waits; a refresh keeps the content on screen.
   */
  #read(
    read: () => T | Promise<T>,
    key: unknown,
    failed: (error: unknown) => void,
    current: () => boolean,
    fresh: boolean,
  ): void {
    const ticket = (this.#reads += 1);
    this.#pending = undefined; // an older read still pending is stale now
    let result: T | Promise<T>;
    try {
      result = read();
    } catch (error) {
      failed(error);
      return;
    }
    if (!(result instanceof Promise)) {
      this.#accept(result, key);
      return;
    }
    if (fresh) {
      this.value = undefined;
      this.error = undefined;
      this.#settle('loading');
    }
    const latest = () => ticket === this.#reads && current();
    this.#pending = result.then(
      (value) => {
        if (latest()) this.#accept(value, key);
      },
      (error: unknown) => {
        if (latest()) failed(error);
      },
    );
    void this.#pending.then(() => {
      if (ticket === this.#reads) this.#pending = undefined;
    });
  }

  #accept(value: T, key: unknown): void {
    let json: string | undefined;
    if (this.#valueKey === key && this.value !== undefined) {
      // The same input again (a refresh): the same content keeps the very object, so nothing
      // re-renders. Serialized only here, never for a first answer.
      json = safeJson(value);
      this.#valueJson ??= safeJson(this.value);
      if (json !== undefined && json === this.#valueJson) {
        if (this.error || this.status === 'loading' || this.status === 'error') this.#recovered();
        return;
      }
    }
    this.value = value;
    this.#valueKey = key;
    this.#valueJson = json;
    this.error = undefined;
    this.#settle(this.#options.isEmpty(value) ? 'empty' : 'ready', new NewsLoadEvent(value));
  }

  #recovered(): void {
    const value = this.value as T;
    this.error = undefined;
    this.#settle(this.#options.isEmpty(value) ? 'empty' : 'ready', new NewsLoadEvent(value));
  }

  /** A failure for the current `src`: keeps content already shown from it, else the error state. */
  #refreshFailed(error: unknown, key: unknown): void {
    if (
      this.value === undefined ||
      this.#valueKey !== key ||
      (this.status !== 'ready' && this.status !== 'empty')
    ) {
      this.#fail(error);
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    this.error = { message, cause: error };
    this.#settle(this.status, new NewsErrorEvent(message, error));
  }

  #fail(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.error = { message, cause: error };
    this.value = undefined;
    this.#valueKey = undefined;
    this.#valueJson = undefined;
    this.#settle('error', new NewsErrorEvent(message, error));
  }

  /** Changes the status, renders, then tells listeners (they see the new DOM). */
  #settle(status: Status, event?: Event): void {
    this.status = status;
    // The host copies the status in willUpdate, which runs before hostUpdate: set it
    // here too, so a change made during this update is rendered and reflected now.
    if ('status' in this.#host) this.#host.status = status;
    this.#host.requestUpdate();
    if (event) {
      const dispatch = () => this.#host.dispatchEvent(event);
      void this.#host.updateComplete.then(dispatch, dispatch);
    }
  }
}

function safeJson(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}
