// The gallery of states. Two states need help to hold still on a static host, and both use
// what the package offers for other tag names: a subclass, defined under its own tag.
import { NewsArticleElement, NewsTickerElement } from '../src/index.js';
import type { Fetcher } from '../src/data/fetch-cache.js';

/** A request that never answers (until the element lets go of it): the loading state, held. */
const neverAnswers: Fetcher = (_input, init) =>
  new Promise((_resolve, reject) => {
    init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
  });

class PendingTickerElement extends NewsTickerElement {
  constructor() {
    super();
    this.source.fetcher = neverAnswers;
    this.timeout = 24 * 60 * 60;
  }
}

class PendingArticleElement extends NewsArticleElement {
  constructor() {
    super();
    this.source.fetcher = neverAnswers;
    this.timeout = 24 * 60 * 60;
  }
}

/** The ticker as a reader who asked for reduced motion sees it, whatever this machine says. */
class StillTickerElement extends NewsTickerElement {
  static override reducedMotionQuery = 'all';
}

customElements.define('demo-pending-ticker', PendingTickerElement);
customElements.define('demo-pending-article', PendingArticleElement);
customElements.define('demo-still-ticker', StillTickerElement);

// Under each card, the last event each of its elements fired: what a page's listener gets.
for (const card of document.querySelectorAll<HTMLElement>('.state-card')) {
  const line = card.querySelector<HTMLElement>('.event');
  if (!line) continue;
  const lines = new Map<EventTarget, string>();
  const show = (event: Event) => {
    const detail = (event as CustomEvent<{ message?: string; data?: { items?: unknown[] } }>).detail;
    const what =
      event.type === 'news-error'
        ? detail.message
        : Array.isArray(detail.data?.items)
          ? `${detail.data.items.length} items`
          : 'rendered';
    lines.set(event.target!, `<${(event.target as Element).localName}> ${event.type}: ${what}`);
    line.textContent = [...lines.values()].join('\n');
  };
  card.addEventListener('news-load', show);
  card.addEventListener('news-error', show);
}
