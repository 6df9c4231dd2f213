import { expect, waitUntil } from '@open-wc/testing';
import { createElement, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import '../../src/index.js';
import type {} from '../../src/react.js';
import type {
  NewsArticleElement,
  NewsErrorEvent,
  NewsLoadEvent,
  NewsTickerElement,
  TickerData,
} from '../../src/index.js';

// The elements rendered by React 19 (served as ES modules by test/react/react-plugin.mjs).
// React 19 sets properties on custom elements when they have them (objects reach `data`
// intact), attributes otherwise, and turns `on` + event name props into listeners.
// (createElement is JSX without a compile step; test/react/jsx-types.ts checks the JSX types.)

describe('React 19', () => {
  let container: HTMLElement;
  let root: Root;
  /** Renders and commits at once (React otherwise commits in a later task). */
  const render = (node: ReactNode) => flushSync(() => root.render(node));
  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
  });
  afterEach(() => {
    root.unmount();
    container.remove();
  });

  const seed: TickerData = {
    items: [
      { id: '1', title: 'بعد تألقه.. الحارس شعيب بلعروش رجل مباراة المغرب والكوت ديفوار' },
      { id: '2', title: 'النباوي: الدولة المغربية تعد طرفا في حوالي 60 ألف قضية سنويا' },
      { id: '3', title: 'بعد الفوز على الكوت ديفوار.. أشبال الأطلس إلى نهائي كأس أمم إفريقيا' },
    ],
  };

  it('passes objects as properties and attributes as attributes, and hears news-load', async () => {
    const loads: NewsLoadEvent<TickerData>[] = [];
    render(
      createElement('news-ticker', {
        data: seed,
        speed: 40,
        'max-items': 2,
        className: 'breaking',
        'onnews-load': (event: NewsLoadEvent<TickerData>) => loads.push(event),
      }),
    );
    await waitUntil(() => loads.length === 1, 'no news-load');
    const ticker = container.querySelector<NewsTickerElement>('news-ticker')!;
    expect(ticker.data).to.equal(seed); // the very object, as a property
    expect(ticker.speed).to.equal(40);
    expect(ticker.getAttribute('max-items')).to.equal('2');
    expect(ticker.maxItems).to.equal(2);
    expect(ticker.className).to.equal('breaking');
    expect(loads[0].detail.data.items).to.have.length(3); // the data; max-items limits what shows
    expect(ticker.shadowRoot!.querySelectorAll('[part~="list"] [part~="item"]')).to.have.length(2);
  });

  it('updates the same element when React renders new data, and removes listeners on unmount', async () => {
    const loads: NewsLoadEvent<TickerData>[] = [];
    const onLoad = (event: NewsLoadEvent<TickerData>) => loads.push(event);
    render(createElement('news-ticker', { data: seed, 'onnews-load': onLoad }));
    await waitUntil(() => loads.length === 1);
    const ticker = container.querySelector<NewsTickerElement>('news-ticker')!;

    const next: TickerData = { items: [...seed.items, { id: '4', title: 'عنوان جديد' }] };
    render(createElement('news-ticker', { data: next, paused: true, 'onnews-load': onLoad }));
    await waitUntil(() => loads.length === 2, 'no second news-load');
    expect(container.querySelector('news-ticker')).to.equal(ticker);
    expect(ticker.paused).to.be.true;
    expect(loads[1].detail.data.items).to.have.length(4);

    render(createElement('news-ticker', { data: next, paused: true }));
    ticker.data = { items: [{ title: 'بعد إزالة المستمع' }] };
    await ticker.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(loads).to.have.length(2);
  });

  it('renders an article with sections as children, and hears news-error', async () => {
    const errors: NewsErrorEvent[] = [];
    render(
      createElement(
        'news-article',
        { json: '{"title": ', 'onnews-error': (event: NewsErrorEvent) => errors.push(event) },
        createElement('article-section', { heading: 'انسجام وتعاون' }, 'نص **القسم**'),
      ),
    );
    await waitUntil(() => errors.length === 1, 'no news-error');
    const article = container.querySelector<NewsArticleElement>('news-article')!;
    expect(article.getAttribute('status')).to.equal('error');
    expect(errors[0].detail.message).to.contain('not valid JSON');
    // The child section is fallback content, still in the light DOM.
    const section = article.querySelector('article-section')!;
    await (section as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(section.shadowRoot!.textContent).to.contain('انسجام وتعاون');
  });
});
