/**
 * Several copies or versions of akhbar on one page, or its tag names taken by someone else:
 * nothing throws, a console warning at most, and whatever akhbar did define still works.
 * (test/bundle.test.ts covers loading each bundle twice; these go further.)
 */
import { expect } from '@open-wc/testing';
import '../../src/index.js';

interface Log {
  errors: string[];
  warnings: string[];
}
type FrameWindow = Window & typeof globalThis & { __log: Log; Dummy?: CustomElementConstructor };
type Widget = HTMLElement & { updateComplete?: Promise<unknown>; status?: string };

const ticker = JSON.stringify({ items: [{ title: 'عنوان من الشريط', url: 'https://news.example/1' }] });
const article = JSON.stringify({
  title: 'عنوان المقال',
  sections: [
    { heading: 'قسم', body: 'نص **القسم**' },
    { heading: 'HTML', body: '<p>فقرة <strong>مهمة</strong></p>', format: 'html' },
  ],
});

const frames: HTMLIFrameElement[] = [];
afterEach(() => {
  for (const frame of frames.splice(0)) frame.remove();
});

/** A same-origin iframe with `head` and `body`, recording errors and warnings from its first script. */
async function pageWith(head: string, body: string): Promise<FrameWindow> {
  const frame = document.createElement('iframe');
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.srcdoc = `<!doctype html><html lang="ar" dir="rtl"><head><script>
    window.__log = { errors: [], warnings: [] };
    addEventListener('error', (event) => __log.errors.push(String(event.message)));
    addEventListener('unhandledrejection', (event) => __log.errors.push('rejection: ' + String(event.reason)));
    const warn = console.warn;
    console.warn = (...args) => { __log.warnings.push(args.map(String).join(' ')); warn.apply(console, args); };
  </script>${head}</head><body>${body}</body></html>`;
  document.body.append(frame);
  frames.push(frame);
  await loaded;
  return frame.contentWindow as FrameWindow;
}

/** Waits for every widget in the frame to settle, then for its sections. */
async function settled(win: FrameWindow): Promise<void> {
  const deadline = performance.now() + 10000;
  const widgets = () =>
    [...win.document.querySelectorAll<Widget>('news-ticker, news-article')].filter((el) => el.updateComplete);
  while (
    performance.now() < deadline &&
    widgets().some((el) => !['ready', 'empty', 'error'].includes(el.status ?? ''))
  )
    await new Promise((resolve) => setTimeout(resolve, 30));
  await Promise.all(widgets().map((el) => el.updateComplete));
  await new Promise((resolve) => setTimeout(resolve, 50));
}

const text = (el: Element | null) => {
  let out = '';
  const visit = (root: ParentNode) => {
    for (const node of root.childNodes) {
      if (node.nodeType === Node.TEXT_NODE) out += node.textContent;
      else if (node.nodeType === Node.ELEMENT_NODE) visit((node as Element).shadowRoot ?? (node as Element));
    }
  };
  if (el?.shadowRoot) visit(el.shadowRoot);
  return out;
};

const DUMMY = `<script>
  window.Dummy = class extends HTMLElement { connectedCallback() { this.dataset.dummy = 'yes'; } };
  customElements.define('news-ticker', window.Dummy);
</script>`;

describe('duplicates: copies, versions and taken tag names', function () {
  this.timeout(30000);

  for (const [name, script] of [
    ['classic', '<script src="/dist/cdn/akhbar.iife.js"></script>'],
    ['module', '<script type="module" src="/dist/cdn/akhbar.js"></script>'],
  ] as const) {
    it(`${name} bundle after someone else defined <news-ticker>: a warning, the other elements work`, async () => {
      const win = await pageWith(
        DUMMY + script,
        `<news-ticker json='${ticker}'></news-ticker><news-article json='${article}'></news-article>`,
      );
      await win.customElements.whenDefined('news-article');
      await settled(win);
      expect(win.__log.errors).to.deep.equal([]);
      expect(win.__log.warnings.some((warning) => warning.includes('<news-ticker>'))).to.be.true;
      expect(win.customElements.get('news-ticker')).to.equal(win.Dummy);
      expect(win.document.querySelector<HTMLElement>('news-ticker')!.dataset['dummy']).to.equal('yes');
      const story = win.document.querySelector('news-article')!;
      expect(story.getAttribute('status')).to.equal('ready');
      expect(text(story)).to.contain('عنوان المقال');
      expect(text(story)).to.contain('مهمة');
    });
  }

  it('the module and the classic bundle (two builds) on one page: warnings, no error, one of each works', async () => {
    const win = await pageWith(
      '<script src="/dist/cdn/akhbar.iife.js"></script><script type="module" src="/dist/cdn/akhbar.js"></script>',
      `<news-ticker json='${ticker}'></news-ticker><news-article json='${article}'></news-article>`,
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    await settled(win);
    expect(win.__log.errors).to.deep.equal([]);
    for (const tag of ['news-ticker', 'news-article', 'article-section'])
      expect(win.__log.warnings.filter((warning) => warning.includes(`<${tag}>`)).length, tag).to.equal(1);
    expect(text(win.document.querySelector('news-ticker'))).to.contain('عنوان من الشريط');
    expect(text(win.document.querySelector('news-article'))).to.contain('مهمة');
  });

  it('a foreign <article-section> defined first: the article still renders its title, nothing throws', async () => {
    const win = await pageWith(
      `<script>customElements.define('article-section', class extends HTMLElement {});</script>
       <script src="/dist/cdn/akhbar.iife.js"></script>`,
      `<news-article json='${article}'></news-article>`,
    );
    await settled(win);
    expect(win.__log.errors).to.deep.equal([]);
    expect(win.__log.warnings.some((warning) => warning.includes('<article-section>'))).to.be.true;
    const story = win.document.querySelector('news-article')!;
    expect(story.getAttribute('status')).to.equal('ready');
    expect(text(story)).to.contain('عنوان المقال');
  });

  it('the npm modules and the CDN bundle together: the first definitions stay, the second warns', async () => {
    const defined = customElements.get('news-article');
    const warnings: string[] = [];
    const errors: string[] = [];
    const warn = console.warn;
    const onError = (event: ErrorEvent) => errors.push(event.message);
    console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
    window.addEventListener('error', onError);
    try {
      await import(/* @vite-ignore */ '/dist/cdn/akhbar.js?duplicates' as string);
    } finally {
      console.warn = warn;
      window.removeEventListener('error', onError);
    }
    expect(errors).to.deep.equal([]);
    expect(customElements.get('news-article')).to.equal(defined);
    expect(warnings.filter((warning) => warning.startsWith('akhbar:')).length).to.equal(3);
    const el = document.createElement('news-article') as Widget;
    el.setAttribute('json', article);
    document.body.append(el);
    try {
      await el.updateComplete;
      expect(el.getAttribute('status')).to.equal('ready');
    } finally {
      el.remove();
    }
  });

  it('a second copy loaded while widgets are live: they keep working and re-render', async () => {
    const win = await pageWith(
      '<script src="/dist/cdn/akhbar.iife.js"></script>',
      `<news-article json='${article}'></news-article>`,
    );
    await settled(win);
    const script = win.document.createElement('script');
    const loaded = new Promise((resolve) => script.addEventListener('load', resolve, { once: true }));
    script.src = '/dist/cdn/akhbar.iife.js?late=1';
    win.document.head.append(script);
    await loaded;
    const story = win.document.querySelector<Widget>('news-article')!;
    story.setAttribute('json', JSON.stringify({ title: 'عنوان جديد' }));
    await story.updateComplete;
    expect(text(story)).to.contain('عنوان جديد');
    expect(win.__log.errors).to.deep.equal([]);
  });
});
