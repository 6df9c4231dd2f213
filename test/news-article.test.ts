import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/index.js';
import { NewsArticleElement } from '../src/index.js';
import type { ArticleData, ArticleSectionElement, NewsErrorEvent, NewsLoadEvent } from '../src/index.js';

const SEED_URL = '/test/fixtures/article/seed.json';

interface SeedSection {
  heading?: string;
  body: string;
}
interface Seed {
  title: string;
  published: string;
  lead: string;
  sections: SeedSection[];
}

let seed: Seed;
before(async () => {
  seed = (await (await fetch(SEED_URL)).json()) as Seed;
});

/** The article's shadow root. */
const root = (el: NewsArticleElement) => el.shadowRoot!;
const sections = (el: NewsArticleElement) => [
  ...root(el).querySelectorAll<ArticleSectionElement>('article-section'),
];

/** Every element under `node`, through every shadow root. */
function deepElements(node: ParentNode): Element[] {
  const found: Element[] = [];
  for (const element of node.querySelectorAll('*')) {
    found.push(element);
    if (element.shadowRoot) found.push(...deepElements(element.shadowRoot));
  }
  return found;
}

/** The text a reader gets, through every shadow root (light DOM of hosts excluded). */
function deepText(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return (node as Text).data;
  if (node.nodeType !== Node.ELEMENT_NODE && node.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) return '';
  const element = node as Element;
  if (element.localName === 'style' || element.localName === 'script') return '';
  const children = element.shadowRoot ? element.shadowRoot.childNodes : node.childNodes;
  return [...children].map(deepText).join(' ');
}

function expectInert(el: NewsArticleElement): void {
  const elements = deepElements(root(el));
  expect(
    elements.filter((e) =>
      ['script', 'iframe', 'object', 'embed', 'form', 'svg', 'math', 'base'].includes(e.localName),
    ),
  ).to.be.empty;
  for (const element of elements) {
    for (const attribute of element.attributes) {
      expect(attribute.name, `<${element.localName} ${attribute.name}>`).not.to.match(/^on/i);
      if (['href', 'src', 'srcset', 'action', 'formaction', 'xlink:href'].includes(attribute.name)) {
        expect(
          attribute.value.replace(/[\s\0-\x1f]/g, ''),
          `<${element.localName} ${attribute.name}>`,
        ).not.to.match(/^(javascript|data|vbscript):/i);
      }
    }
  }
}

const seedJson = () => JSON.stringify(seed);

/** A fetcher that answers only when told to. */
function deferredFetcher() {
  let answer!: (response: Response) => void;
  let fail!: (error: Error) => void;
  const response = new Promise<Response>((resolve, reject) => {
    answer = resolve;
    fail = reject;
  });
  return { fetcher: () => response, answer, fail };
}

/** An element with a scripted fetcher, attached to the page. */
async function withFetcher(
  src: string,
  fetcher: () => Promise<Response>,
  children = '',
): Promise<NewsArticleElement> {
  const el = document.createElement('news-article');
  (el as unknown as { source: { fetcher: unknown } }).source.fetcher = fetcher;
  el.innerHTML = children;
  el.src = src;
  const parent = await fixture<HTMLElement>(html`<div></div>`);
  parent.append(el);
  await el.updateComplete;
  return el;
}

describe('<news-article>', () => {
  describe('data paths', () => {
    it('renders the seed article from the data property', async () => {
      const el = await fixture<NewsArticleElement>(html`<news-article .data=${seed}></news-article>`);
      expect(el.status).to.equal('ready');
      const title = root(el).querySelector('h2')!;
      expect(title.textContent).to.equal(seed.title);
      expect(title.getAttribute('part')).to.equal('title');
      expect(root(el).querySelector('[part="lead"]')!.textContent).to.equal(seed.lead);

      // The opening paragraphs in a section without a heading, then three headed sections.
      const rendered = sections(el);
      expect(rendered).to.have.length(4);
      expect(rendered[0].shadowRoot!.querySelector('h1, h2, h3, h4, h5, h6')).to.equal(null);
      expect(
        rendered.slice(1).map((section) => section.shadowRoot!.querySelector('h3')!.textContent),
      ).to.deep.equal(['انسجام وتعاون', 'تعاون مستمر في قضايا الإرهاب', 'تعاون في مجال التدريب']);
      rendered.forEach((section, i) => {
        const paragraphs = [...section.shadowRoot!.querySelectorAll('[part="body"] > p')].map(
          (p) => p.textContent,
        );
        expect(paragraphs).to.deep.equal(seed.sections[i].body.split('\n\n'));
      });
    });

    it('renders from the json attribute', async () => {
      const el = await fixture<NewsArticleElement>(html`<news-article json=${seedJson()}></news-article>`);
      expect(root(el).querySelector('h2')!.textContent).to.equal(seed.title);
      expect(sections(el)).to.have.length(4);
    });

    it('renders from an inline JSON script child, which is not fallback content', async () => {
      const el = await fixture<NewsArticleElement>(
        html`<news-article
          ><script type="application/json">
            ${seedJson()}
          </script></news-article
        >`,
      );
      expect(el.status).to.equal('ready');
      expect(root(el).querySelector('h2')!.textContent).to.equal(seed.title);
      expect(root(el).querySelector('slot')!.hidden).to.equal(true);
    });

    it('fetches src and fires news-load after rendering', async () => {
      const el = document.createElement('news-article');
      el.src = SEED_URL;
      const loaded = oneEvent(el, 'news-load') as Promise<NewsLoadEvent<ArticleData>>;
      const parent = await fixture<HTMLElement>(html`<div></div>`);
      parent.append(el);
      const event = await loaded;
      expect(event.detail.data.title).to.equal(seed.title);
      // Listeners see the DOM, sections (and their markdown) included.
      expect(root(el).querySelector('h2')!.textContent).to.equal(seed.title);
      expect(sections(el)[1].shadowRoot!.querySelector('h3')!.textContent).to.equal('انسجام وتعاون');
      expect(event.bubbles && event.composed).to.equal(true);
    });

    it('applies the precedence data > json > script child > src', async () => {
      const titled = (title: string) => JSON.stringify({ title });
      const el = await fixture<NewsArticleElement>(html`
        <news-article .data=${{ title: 'من الخاصية' }} json=${titled('من السمة')} src=${SEED_URL}>
          <script type="application/json">
            ${titled('من السكربت')}
          </script>
        </news-article>
      `);
      const title = () => root(el).querySelector('h2')?.textContent;
      expect(title()).to.equal('من الخاصية');
      el.data = undefined;
      await waitUntil(() => title() === 'من السمة', 'json attribute shown');
      el.removeAttribute('json');
      await waitUntil(() => title() === 'من السكربت', 'script child shown');
      el.querySelector('script')!.remove();
      await waitUntil(() => title() === seed.title, 'src shown');
    });

    it('takes the article part of a page document', async () => {
      const el = await fixture<NewsArticleElement>(
        html`<news-article
          .data=${{ ticker: { items: [{ title: 'عاجل' }] }, article: seed }}
        ></news-article>`,
      );
      expect(root(el).querySelector('h2')!.textContent).to.equal(seed.title);
    });

    it('takes the first item of a feed, or the item named by the item attribute', async () => {
      const feed = {
        version: 'https://jsonfeed.org/version/1.1',
        title: 'هسبريس',
        items: [
          { id: 'one', title: 'الخبر الأول', content_text: 'نص أول' },
          { id: 'two', title: 'الخبر الثاني', content_text: 'نص ثان' },
        ],
      };
      const first = await fixture<NewsArticleElement>(html`<news-article .data=${feed}></news-article>`);
      expect(root(first).querySelector('h2')!.textContent).to.equal('الخبر الأول');
      const second = await fixture<NewsArticleElement>(
        html`<news-article item="two" .data=${feed}></news-article>`,
      );
      expect(root(second).querySelector('h2')!.textContent).to.equal('الخبر الثاني');
      expect(sections(second)[0].shadowRoot!.querySelector('p')!.textContent).to.equal('نص ثان');
    });

    it('resolves relative markdown links against the address the article came from', async () => {
      const article = {
        title: 'عنوان',
        sections: [{ body: '[المزيد](/more) و[بريد](mailto:desk@news.example)' }],
      };
      const el = await withFetcher(
        'https://feeds.example/articles/1.json',
        async () => new Response(JSON.stringify(article)),
      );
      await waitUntil(() => el.status === 'ready', 'article loaded');
      await el.updateComplete;
      const links = sections(el)[0].shadowRoot!.querySelectorAll('a');
      expect(links[0].getAttribute('href')).to.equal('https://feeds.example/more');
      expect(links[0].getAttribute('rel')).to.equal('noopener noreferrer');
      expect(links[1].getAttribute('href')).to.equal('mailto:desk@news.example');
    });

    it('splits a single markdown body into sections at "## " lines', async () => {
      const el = await fixture<NewsArticleElement>(
        html`<news-article
          .data=${{ title: 'عنوان', body: 'مقدمة **مهمة**\n\n## قسم أول\n\nنص القسم' }}
        ></news-article>`,
      );
      const rendered = sections(el);
      expect(rendered.length).to.be.greaterThan(1);
      expect(rendered[0].shadowRoot!.querySelector('strong')!.textContent).to.equal('مهمة');
      expect(deepText(root(el))).to.include('قسم أول');
      expect(deepText(root(el))).not.to.include('## ');
    });
  });

  describe('states and events', () => {
    it('reports a wrong type with its path, shows a short message, and stays accessible', async () => {
      const bad = { ...seed, sections: seed.sections.map((s, i) => (i === 2 ? { ...s, body: 5 } : s)) };
      const el = document.createElement('news-article');
      const failed = oneEvent(el, 'news-error') as Promise<NewsErrorEvent>;
      el.data = bad;
      (await fixture<HTMLElement>(html`<div></div>`)).append(el);
      const event = await failed;
      expect(event.detail.message).to.include('sections[2].body must be a string');
      expect(el.status).to.equal('error');
      expect(el.getAttribute('status')).to.equal('error');
      const message = root(el).querySelector('[part="message"]')!;
      expect(message.textContent).to.equal('تعذّر تحميل الأخبار.');
      expect(root(el).querySelector('article')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('reports malformed JSON in the json attribute', async () => {
      const el = document.createElement('news-article');
      const failed = oneEvent(el, 'news-error') as Promise<NewsErrorEvent>;
      el.setAttribute('json', '{"title": ');
      (await fixture<HTMLElement>(html`<div></div>`)).append(el);
      expect((await failed).detail.message).to.include('json attribute is not valid JSON');
      expect(el.status).to.equal('error');
    });

    it('reports a failed request', async () => {
      const el = document.createElement('news-article');
      const failed = oneEvent(el, 'news-error') as Promise<NewsErrorEvent>;
      el.src = '/test/fixtures/article/missing.json';
      (await fixture<HTMLElement>(html`<div></div>`)).append(el);
      expect((await failed).detail.message).to.include('404');
      expect(el.status).to.equal('error');
    });

    it('shows fallback children while loading, hides them once data shows, keeps them in the light DOM', async () => {
      const deferred = deferredFetcher();
      const el = await withFetcher(
        '/scripted/fallback.json',
        deferred.fetcher,
        '<h2>عنوان احتياطي</h2><p>نص احتياطي</p>',
      );
      expect(el.status).to.equal('loading');
      expect(el.getAttribute('aria-busy')).to.equal('true');
      const slot = root(el).querySelector('slot')!;
      expect(slot.hidden).to.equal(false);
      expect(el.querySelector('h2')!.getBoundingClientRect().height).to.be.greaterThan(0);
      // With fallback content, no skeleton competes with it.
      expect(root(el).querySelector('.skeleton')).to.equal(null);
      await expect(el).to.be.accessible();

      const loaded = oneEvent(el, 'news-load');
      deferred.answer(new Response(seedJson(), { headers: { 'content-type': 'application/json' } }));
      await loaded;
      expect(el.status).to.equal('ready');
      expect(el.hasAttribute('aria-busy')).to.equal(false);
      expect(slot.hidden).to.equal(true);
      expect(el.querySelector('h2')!.getBoundingClientRect().height).to.equal(0);
      expect(el.querySelector('p')!.textContent).to.equal('نص احتياطي');
    });

    it('shows a skeleton while loading without fallback, and the fallback again on error', async () => {
      const deferred = deferredFetcher();
      const bare = await withFetcher('/scripted/skeleton.json', deferred.fetcher);
      expect(root(bare).querySelector('[role="status"]')!.textContent).to.include('جارٍ التحميل');
      await expect(bare).to.be.accessible();

      const failing = deferredFetcher();
      const el = await withFetcher('/scripted/failing.json', failing.fetcher, '<p>نص احتياطي</p>');
      const failed = oneEvent(el, 'news-error');
      failing.answer(new Response('<!doctype html><html><body>not found</body></html>', { status: 200 }));
      await failed;
      expect(el.status).to.equal('error');
      expect(root(el).querySelector('slot')!.hidden).to.equal(false);
      expect(el.querySelector('p')!.getBoundingClientRect().height).to.be.greaterThan(0);
      deferred.answer(new Response(seedJson()));
    });

    it('shows the empty state for an article with nothing to show', async () => {
      class EmptyArticle extends NewsArticleElement {
        protected override read(): ArticleData {
          return { title: '', sections: [{ body: '  ' }] };
        }
      }
      customElements.define('empty-test-article', EmptyArticle);
      const el = await fixture<EmptyArticle>(html`<empty-test-article .data=${{}}></empty-test-article>`);
      expect(el.status).to.equal('empty');
      expect(el.shadowRoot!.querySelector('[part="message"]')!.textContent).to.equal('لا توجد أخبار حاليًا.');
      expect(el.shadowRoot!.querySelector('article')).to.equal(null);
      await expect(el).to.be.accessible();
    });
  });

  describe('rendering', () => {
    const full: ArticleData & Record<string, unknown> = {
      title: 'عنوان المقال',
      kicker: 'سياسة',
      published: '2025-04-14T18:55:00+01:00',
      updated: '2025-04-14T20:10:00+01:00',
      lead: 'فقرة تمهيدية.',
      author: { name: 'Jean Dupont', url: 'https://example.org/authors/jd' },
      source: { name: 'أوروبا 1', url: 'https://www.europe1.fr/' },
      image: {
        src: 'https://img.example/hammouchi.jpg',
        alt: 'عبد اللطيف حموشي',
        caption: 'المدير العام للأمن الوطني',
        credit: 'AFP',
        width: 1200,
        height: 675,
      },
      sections: [{ heading: 'قسم', body: 'نص' }],
      tags: ['المغرب', 'فرنسا', 'DGSN'],
    };

    it('puts the title at heading-level and sections one below', async () => {
      const el = await fixture<NewsArticleElement>(html`<news-article .data=${seed}></news-article>`);
      expect(el.headingLevel).to.equal(2);
      expect(root(el).querySelector('h2.title')).to.exist;
      expect(sections(el)[1].shadowRoot!.querySelector('h3')).to.exist;

      el.setAttribute('heading-level', '1');
      await el.updateComplete;
      expect(root(el).querySelector('h1.title')!.textContent).to.equal(seed.title);
      expect(root(el).querySelector('h2')).to.equal(null);
      expect(sections(el)[1].shadowRoot!.querySelector('h2')!.textContent).to.equal('انسجام وتعاون');

      el.setAttribute('heading-level', '6');
      await el.updateComplete;
      expect(root(el).querySelector('h6.title')).to.exist;
      expect(sections(el)[1].shadowRoot!.querySelector('h6')).to.exist;
      await expect(el).to.be.accessible();
    });

    it('formats the Arabic date like the seed, with the exact instant in datetime', async () => {
      const el = await fixture<NewsArticleElement>(
        html`<news-article time-zone="Africa/Casablanca" .data=${seed}></news-article>`,
      );
      const time = root(el).querySelector('time[part="time"]')!;
      expect(time.getAttribute('datetime')).to.equal('2025-04-14T17:55:00.000Z');
      const shown = time.textContent!;
      expect(shown).to.include('2025');
      expect(shown).to.include('18:55');
      expect(shown).to.include('أبريل');
      expect(shown).to.match(/الاثنين|الإثنين/);
      expect(shown).not.to.match(/[٠-٩]/);
    });

    it('follows the locale attribute (Arabic-Indic digits for ar-EG)', async () => {
      const el = await fixture<NewsArticleElement>(
        html`<news-article locale="ar-EG" time-zone="Africa/Casablanca" .data=${seed}></news-article>`,
      );
      const shown = root(el).querySelector('time')!.textContent!;
      expect(shown).to.include('١٨:٥٥');
      expect(shown).to.include('٢٠٢٥');
      // Two minutes: the Arabic dual, from Intl's unit data (no digit to show).
      expect(root(el).querySelector('[part="reading-time"]')!.textContent).to.equal('مدة القراءة: دقيقتان');
    });

    it('shows the updated time when it differs and leaves out dates it cannot read', async () => {
      const el = await fixture<NewsArticleElement>(
        html`<news-article time-zone="Africa/Casablanca" .data=${full}></news-article>`,
      );
      const updated = root(el).querySelector('time[part="updated"]')!;
      expect(updated.getAttribute('datetime')).to.equal('2025-04-14T19:10:00.000Z');
      expect(updated.textContent).to.include('20:10');
      expect(updated.parentElement!.textContent).to.include('آخر تحديث');

      el.data = {
        title: 'بلا تاريخ',
        published: 'not a date',
        updated: '2025-13-45',
        sections: [{ body: 'نص' }],
      };
      await el.updateComplete;
      expect(root(el).querySelector('time')).to.equal(null);
      expect(deepText(root(el))).not.to.match(/Invalid Date|NaN|undefined|\[object Object\]/);
    });

    it('renders kicker, byline, source, image, tags with their parts', async () => {
      const el = await fixture<NewsArticleElement>(html`<news-article .data=${full}></news-article>`);
      const part = (name: string) => root(el).querySelector(`[part~="${name}"]`)!;
      expect(part('kicker').textContent).to.equal('سياسة');
      // The kicker comes before the title.
      expect(part('kicker').compareDocumentPosition(part('title')) & Node.DOCUMENT_POSITION_FOLLOWING).to.be
        .ok;

      const byline = part('byline');
      expect(byline.textContent).to.include('بقلم');
      const author = byline.querySelector('bdi > a')!;
      expect(author.textContent).to.equal('Jean Dupont');
      expect(author.getAttribute('href')).to.equal('https://example.org/authors/jd');
      expect(author.getAttribute('rel')).to.equal('noopener noreferrer');
      const source = part('source').querySelector('a')!;
      expect(source.textContent).to.equal('أوروبا 1');
      expect(source.closest('bdi')).to.exist;

      const img = part('image') as HTMLImageElement;
      expect(img.getAttribute('src')).to.equal('https://img.example/hammouchi.jpg');
      expect(img.getAttribute('alt')).to.equal('عبد اللطيف حموشي');
      expect(img.getAttribute('loading')).to.equal('lazy');
      expect(img.getAttribute('decoding')).to.equal('async');
      expect(img.getAttribute('referrerpolicy')).to.equal('no-referrer');
      expect(img.getAttribute('width')).to.equal('1200');
      expect(img.getAttribute('height')).to.equal('675');
      expect(part('caption').textContent).to.include('المدير العام للأمن الوطني');
      expect(part('credit').textContent).to.equal('AFP');
      expect(part('figure').localName).to.equal('figure');

      const tags = part('tags');
      expect(tags.localName).to.equal('ul');
      expect(tags.getAttribute('aria-label')).to.equal('الوسوم');
      expect([...tags.querySelectorAll('[part="tag"] bdi')].map((tag) => tag.textContent)).to.deep.equal([
        'المغرب',
        'فرنسا',
        'DGSN',
      ]);
      expect(part('article').localName).to.equal('article');
      expect(part('meta')).to.exist;
      expect(part('body')).to.exist;
      expect(root(el).querySelector('[style]')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it("exposes the sections' parts through ::part()", async () => {
      const style = document.createElement('style');
      style.textContent =
        'news-article.parts::part(section-heading) { color: rgb(1, 2, 3) } news-article.parts::part(title) { color: rgb(4, 5, 6) }';
      document.head.append(style);
      try {
        const el = await fixture<NewsArticleElement>(
          html`<news-article class="parts" .data=${seed}></news-article>`,
        );
        expect(getComputedStyle(root(el).querySelector('h2')!).color).to.equal('rgb(4, 5, 6)');
        expect(getComputedStyle(sections(el)[1].shadowRoot!.querySelector('h3')!).color).to.equal(
          'rgb(1, 2, 3)',
        );
      } finally {
        style.remove();
      }
    });

    it('reserves the image space without width and height, and gives a missing alt an empty one', async () => {
      const el = await fixture<NewsArticleElement>(
        html`<news-article
          .data=${{ title: 'صورة', image: { src: 'https://img.example/a.jpg' } }}
        ></news-article>`,
      );
      const img = root(el).querySelector('img')!;
      expect(img.hasAttribute('width')).to.equal(false);
      expect(img.getAttribute('alt')).to.equal('');
      expect(root(el).querySelector('figcaption')).to.equal(null);
      // 16:9 reserved before the image loads (it never loads here).
      const box = img.getBoundingClientRect();
      expect(box.height).to.be.greaterThan(0);
      expect(box.width / box.height).to.be.closeTo(16 / 9, 0.05);
    });

    it('estimates the reading time in Arabic, and in English for lang="en"', async () => {
      const el = await fixture<NewsArticleElement>(html`<news-article .data=${seed}></news-article>`);
      // 307 words at 200 words a minute.
      expect(root(el).querySelector('[part="reading-time"]')!.textContent).to.equal('مدة القراءة: دقيقتان');
      const en = await fixture<NewsArticleElement>(
        html`<news-article lang="en" .data=${{ title: 'Title', lead: 'word '.repeat(650) }}></news-article>`,
      );
      expect(root(en).querySelector('[part="reading-time"]')!.textContent).to.equal('3 min read');
    });

    it('leaves out what is missing, never printing undefined, NaN or [object Object]', async () => {
      const el = await fixture<NewsArticleElement>(
        html`<news-article .data=${{ title: 'عنوان فقط' }}></news-article>`,
      );
      expect(
        root(el).querySelectorAll(
          '[part="kicker"], [part="lead"], [part="meta"], figure, [part="tags"], [part="body"]',
        ),
      ).to.have.length(0);
      expect(deepText(root(el))).not.to.match(/Invalid Date|NaN|undefined|\[object Object\]/);
      expect(root(el).querySelector('h2')!.textContent).to.equal('عنوان فقط');
    });

    it('renders user strings as text and isolates inline ones', async () => {
      const el = await fixture<NewsArticleElement>(
        html`<news-article
          .data=${{
            title: '<img src=x onerror=alert(1)> عنوان',
            kicker: '<b>سياسة</b>',
            author: 'ماكرون <script>alert(1)</script>',
            tags: ['<i>وسم</i>'],
            sections: [{ heading: '<em>قسم</em>', body: 'نص' }],
          }}
        ></news-article>`,
      );
      expect(root(el).querySelector('h2')!.textContent).to.equal('<img src=x onerror=alert(1)> عنوان');
      expect(root(el).querySelector('[part="kicker"]')!.textContent).to.equal('<b>سياسة</b>');
      expect(root(el).querySelector('[part="byline"] bdi')!.textContent).to.include('<script>');
      expect(sections(el)[0].shadowRoot!.querySelector('h3')!.textContent).to.equal('<em>قسم</em>');
      expectInert(el);
    });

    it('keeps hostile markdown and links inert', async () => {
      const el = await fixture<NewsArticleElement>(
        html`<news-article
          .data=${{
            title: 'عنوان',
            author: { name: 'كاتب', url: 'javascript:alert(1)' },
            image: { src: 'javascript:alert(1)' },
            sections: [
              { body: '<script>alert(1)</script>\n\nنص <img src=x onerror=alert(1)>' },
              { body: '[رابط](javascript:alert(1)) ![صورة](javascript:alert(1)) <javascript:alert(1)>' },
              { body: '[مرجع][x]\n\n[x]: javascript:alert(1)' },
              { body: '<a href="javascript:alert(1)">x</a><svg onload=alert(1)>', format: 'html' },
              { body: '<iframe src=javascript:alert(1)>', format: 'text' },
            ],
          }}
        ></news-article>`,
      );
      expectInert(el);
      const all = deepElements(root(el));
      // The sanitized html section may keep an <a> without its href; nothing may link or load.
      const live = all.filter(
        (e) => (e.localName === 'a' && e.hasAttribute('href')) || e.localName === 'img',
      );
      expect(live.map((e) => e.outerHTML)).to.deep.equal([]);
      expect(deepText(root(el))).to.include('<script>alert(1)</script>');
      expect(deepText(root(el))).to.include('مرجع');
    });

    it('is right to left by default: text aligned to the right', async () => {
      const el = await fixture<NewsArticleElement>(html`<news-article .data=${seed}></news-article>`);
      const base = root(el).querySelector('[part="base"]')!;
      expect(base.getAttribute('lang')).to.equal('ar');
      expect(base.getAttribute('dir')).to.equal('rtl');
      const article = root(el).querySelector('article')!.getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(root(el).querySelector('[part="kicker"], [part="lead"]')!);
      const text = range.getBoundingClientRect();
      expect(article.right - text.right).to.be.lessThan(2);
      await expect(el).to.be.accessible();
    });

    it('aligns left for lang="en"', async () => {
      const el = await fixture<NewsArticleElement>(
        html`<news-article
          lang="en"
          .data=${{ title: 'A short title', lead: 'A short lead.', sections: [{ heading: 'Part', body: 'Text.' }] }}
        ></news-article>`,
      );
      const base = root(el).querySelector('[part="base"]')!;
      expect(base.getAttribute('dir')).to.equal('ltr');
      const article = root(el).querySelector('article')!.getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(root(el).querySelector('[part="lead"]')!);
      expect(range.getBoundingClientRect().left - article.left).to.be.lessThan(2);
      const section = sections(el)[0];
      expect(getComputedStyle(section.shadowRoot!.querySelector('[part="section"]')!).direction).to.equal(
        'ltr',
      );
      expect(root(el).querySelector('[part="reading-time"]')!.textContent).to.equal('1 min read');
      await expect(el).to.be.accessible();
    });
  });
});
