/** Events of the elements: they bubble and cross shadow roots. */

export interface NewsLoadDetail<T = unknown> {
  /** The normalized data that was rendered. */
  data: T;
}

export interface NewsErrorDetail {
  /** What was wrong, in English, naming the field or the request. */
  message: string;
  cause?: unknown;
}

/** Fired once data has been rendered (after the update completes, so the DOM is there). */
export class NewsLoadEvent<T = unknown> extends CustomEvent<NewsLoadDetail<T>> {
  constructor(data: T) {
    super('news-load', { bubbles: true, composed: true, detail: { data } });
  }
}

/** Fired when data could not be loaded or understood. The element shows a short message. */
export class NewsErrorEvent extends CustomEvent<NewsErrorDetail> {
  constructor(message: string, cause?: unknown) {
    super('news-error', { bubbles: true, composed: true, detail: { message, cause } });
  }
}

declare global {
  interface HTMLElementEventMap {
    'news-load': NewsLoadEvent;
    'news-error': NewsErrorEvent;
  }
}
