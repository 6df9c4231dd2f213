import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { NewsErrorEvent, NewsLoadEvent } from '../events.js';
import { DataError, parseBytes, parseJsonText } from './parse.js';

export type Status = 'idle' | 'loading' | 'ready' | 'empty' | 'error';

/** What an element gives its source: the three inputs of the contract. */
export interface SourceHost extends ReactiveControllerHost, HTMLElement {
  data?: unknown;
  json?: string | null;
  src?: string | null;
}

export interface SourceOptions<T> {
  /** Any accepted document -> the element's typed data; throws DataError. */
  read(document: unknown, baseUrl?: string): T;
  isEmpty(value: T): boolean;
}

const INLINE_JSON = ':scope > script[type="application/json"]';

/**
 * Holds an element's data and status. Inputs, by precedence: the `data` property,
 * the `json` attribute, an inline `<script type="application/json">` child, `src`.
 * Only the newest input is ever shown: an older request is aborted and its answer dropped.
 */
export class DataSource<T> implements ReactiveController {
  status: Status = 'idle';
  value?: T;
  error?: NewsErrorEvent['detail'];
  /** The test seam: replaced in tests to script races and timeouts. */
  fetcher: typeof fetch = (input, init) => fetch(input, init);

  readonly #host: SourceHost;
  readonly #options: SourceOptions<T>;
  #inputKey?: unknown;
  #request?: AbortController;
  #observer?: MutationObserver;

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
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#request?.abort();
    this.#request = undefined;
    // Reconnecting loads again; a request aborted here would otherwise leave it loading.
    if (this.status === 'loading') this.#inputKey = undefined;
  }

  /** Runs before each render: picks the input that wins and loads it when it changed. */
  hostUpdate(): void {
    const input = this.#currentInput();
    if (input.key === this.#inputKey) return;
    this.#inputKey = input.key;
    this.#request?.abort();
    this.#request = undefined;
    if (input.kind === 'none') {
      this.#settle('idle');
    } else if (input.kind === 'src') {
      void this.#load(input.value as string);
    } else {
      try {
        const parsed =
          input.kind === 'data' ? input.value : parseJsonText(input.value as string, input.origin);
        this.#accept(this.#options.read(parsed, document.baseURI));
      } catch (error) {
        this.#fail(error);
      }
    }
  }

  #currentInput(): { kind: 'data' | 'json' | 'src' | 'none'; value?: unknown; origin: string; key: unknown } {
    const host = this.#host;
    if (host.data !== undefined && host.data !== null) {
      return { kind: 'data', value: host.data, origin: 'data property', key: host.data };
    }
    if (host.json) return { kind: 'json', value: host.json, origin: 'json attribute', key: `json:${host.json}` };
    const script = host.querySelector(INLINE_JSON);
    if (script) {
      const text = script.textContent ?? '';
      return { kind: 'json', value: text, origin: 'inline JSON script', key: `script:${text}` };
    }
    if (host.src) return { kind: 'src', value: host.src, origin: 'src', key: `src:${host.src}` };
    return { kind: 'none', origin: '', key: 'none' };
  }

  async #load(src: string): Promise<void> {
    const request = new AbortController();
    this.#request = request;
    this.#settle('loading');
    let url = src;
    try {
      url = new URL(src, document.baseURI).href;
      const response = await this.fetcher(url, { signal: request.signal, credentials: 'omit' });
      if (!response.ok) {
        throw new DataError(`${url} answered ${response.status} ${response.statusText}`.trim());
      }
      const bytes = await response.arrayBuffer();
      if (request.signal.aborted) return;
      const parsed = parseBytes(bytes, response.headers.get('content-type'), response.url || url);
      this.#accept(this.#options.read(parsed, response.url || url));
    } catch (error) {
      if (request.signal.aborted) return; // a newer input replaced this one
      this.#fail(error instanceof TypeError ? new DataError(`Could not fetch ${url}: ${error.message}`, { cause: error }) : error);
    } finally {
      if (this.#request === request) this.#request = undefined;
    }
  }

  #accept(value: T): void {
    this.value = value;
    this.error = undefined;
    this.#settle(this.#options.isEmpty(value) ? 'empty' : 'ready', new NewsLoadEvent(value));
  }

  #fail(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.error = { message, cause: error };
    this.value = undefined;
    this.#settle('error', new NewsErrorEvent(message, error));
  }

  /** Changes the status, renders, then tells listeners (they see the new DOM). */
  #settle(status: Status, event?: Event): void {
    this.status = status;
    this.#host.requestUpdate();
    if (event) void this.#host.updateComplete.then(() => this.#host.dispatchEvent(event));
  }
}
