/**
 * Bidi and Arabic typography, checked on the computed layout: where each word and
 * digit of real mixed text lands on screen (text ranges in the shadow DOM), not
 * only which strings are rendered.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../src/index.js';
import type { ArticleData, NewsArticleElement, NewsTickerElement } from '../src/index.js';

const SEED_PAGE = '/__wds-outside-root__/1/shared/seed/article-page.txt';
const CNN_FEED = '/__wds-outside-root__/1/shared/corpus/feeds/newspaper__arabic.txt';
const BIDI_MARKS = /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/;

let seedPage: string;
let cnn: string;
let headline: string;
before(async () => {
  seedPage = await (await fetch(SEED_PAGE)).text();
  cnn = await (await fetch(CNN_FEED)).text();
  headline = seedPage
    .split('\n')[0]
    .replace(/^\s*•\s*/, '')
    .trim();
});

const isWebKit = /AppleWebKit/.test(navigator.userAgent) && !/Chrome|Chromium/.test(navigator.userAgent);

/** Every text node under `node`, through shadow roots (not into the light children of a host). */
function textNodes(node: Node): Text[] {
  if (node.nodeType === Node.TEXT_NODE) return [node as Text];
  const element = node as Element;
  if (element.localName === 'style' || element.localName === 'script') return [];
  const children = element.shadowRoot ? element.shadowRoot.childNodes : node.childNodes;
  return [...children].flatMap(textNodes);
}

/** The on-screen box of `needle` (its characters `from`…`to`) in the nth text node holding it. */
function box(scope: Node, needle: string, from = 0, to = needle.length, nth = 0): DOMRect {
  const holders = textNodes(scope).filter((node) => node.data.includes(needle));
  const node = holders[nth];
  if (!node) throw new Error(`"${needle}" is not in the text`);
  const start = node.data.indexOf(needle) + from;
  const range = document.createRange();
  range.setStart(node, start);
  range.setEnd(node, start + (to - from));
  const rect = range.getBoundingClientRect();
  expect(rect.width, `"${needle}" has a box`).to.be.greaterThan(0);
  return rect;
}

/** `a` lies wholly to the right of `b` on screen (a pixel of slack for rounding). */
function expectRightOf(a: DOMRect, b: DOMRect, what: string): void {
  expect(a.left, what).to.be.at.least(b.right - 1);
}

function expectSameLine(boxes: DOMRect[]): void {
  const middles = boxes.map((rect) => (rect.top + rect.bottom) / 2);
  expect(Math.max(...middles) - Math.min(...middles), 'on one line').to.be.lessThan(boxes[0].height / 2);
}

/** A needle, or a slice of one: `['1”', 0, 1]` is the «1» before a closing quote. */
type Needle = string | [string, number, number];

/** Words in reading order must appear right to left, on one line. */
function expectRightToLeft(scope: Node, words: Needle[]): void {
  const boxes = words.map((word) => (typeof word === 'string' ? box(scope, word) : box(scope, ...word)));
  const name = (word: Needle) => (typeof word === 'string' ? word : word[0].slice(word[1], word[2]));
  expectSameLine(boxes);
  for (let i = 1; i < boxes.length; i += 1)
    expectRightOf(boxes[i - 1], boxes[i], `«${name(words[i - 1])}» right of «${name(words[i])}»`);
}

const wide = 'width: 3000px; font-size: 14px; --news-article-measure: none;';

type ArticleInput = Omit<ArticleData, 'sections'> & Partial<Pick<ArticleData, 'sections'>>;

async function articleWith(input: ArticleInput, attributes = ''): Promise<NewsArticleElement> {
  const data: ArticleData = { sections: [], ...input };
  const wrapper = await fixture<HTMLDivElement>(html`<div style=${wide}></div>`);
  const el = document.createElement('news-article') as NewsArticleElement;
  el.setAttribute('time-zone', 'Africa/Casablanca');
  for (const pair of attributes.split(' ').filter(Boolean)) {
    const [name, value = ''] = pair.split('=');
    el.setAttribute(name, value);
  }
  el.data = data;
  wrapper.append(el);
  await el.updateComplete;
  return el;
}

const title = (el: NewsArticleElement) => el.shadowRoot!.querySelector('[part="title"]')!;
const part = (el: Element, name: string) => el.shadowRoot!.querySelector(`[part~="${name}"]`)!;

describe('bidi, by layout', () => {
  describe('mixed runs keep their order', () => {
    // WebKitGTK's boxes for a range inside a left-to-right run in right-to-left text do not
    // follow the drawn order (seen here: «5» boxed left of «8» in «825»), so they cannot judge
    // order there. These layout checks run in Chromium and Firefox, as the issue asks.
    before(function () {
      if (isWebKit) this.skip();
    });
    it('the seed headline: «قيمتها 825 مليون», «المغرب 600 صاروخ “ستينغر”», digits left to right', async () => {
      expect(headline).to.include('825 مليون دولار');
      const el = await articleWith({ title: headline });
      const scope = title(el);
      expectRightToLeft(scope, [
        'صفقة',
        'قيمتها',
        '825',
        'مليون',
        'دولار',
        'المغرب',
        '600',
        'صاروخ',
        'ستينغر',
      ]);
      // Inside the number, digits run left to right.
      expectRightOf(box(scope, '825', 2, 3), box(scope, '825', 0, 1), '5 right of 8');
      expectRightOf(box(scope, '600', 1, 2), box(scope, '600', 0, 1), '0 right of 6');
      // The quotes wrap the word: “ (logically first) on its right, ” on its left.
      const word = box(scope, 'ستينغر');
      expectRightOf(box(scope, '“'), word, '“ right of ستينغر');
      expectRightOf(word, box(scope, '”'), 'ستينغر right of ”');
      // The headline starts at the right edge of the title.
      expect(scope.getBoundingClientRect().right - box(scope, 'في').right).to.be.lessThan(2);
    });

    it('the seed body: «إذاعة “أوروبا 1” الفرنسية» and «(14 أبريل)»', async () => {
      const paragraph = seedPage
        .split('\n')
        .find((line) => line.includes('أوروبا 1'))!
        .trim();
      const el = await articleWith({ title: 'عنوان', sections: [{ body: paragraph, format: 'text' }] });
      await el.updateComplete;
      const section = el.shadowRoot!.querySelector('article-section')!;
      expectRightToLeft(section, [
        'موقع',
        'إذاعة',
        ['“أوروبا', 0, 1],
        'أوروبا',
        ['1”', 0, 1],
        ['1”', 1, 2],
        'الفرنسية',
      ]);
      // Parentheses are mirrored: the opening one sits on the right of «14».
      expectRightOf(box(section, 'الاثنين'), box(section, '(14', 0, 1), 'الاثنين right of (');
      expectRightOf(box(section, '(14', 0, 1), box(section, '(14', 1, 3), '( right of 14');
      expectRightOf(box(section, '(14', 1, 3), box(section, '14 أبريل', 3, 8), '14 right of أبريل');
      expectRightOf(box(section, 'أبريل)', 0, 5), box(section, 'أبريل)', 5, 6), 'أبريل right of )');
    });

    it('a Latin name in parentheses in the CNN Arabic feed: «سوريا (CNN) -- أكدت»', async () => {
      const first = cnn.split('\n')[0].trim();
      expect(first).to.match(/^دمشق، سوريا \(CNN\) -- أكدت/);
      const el = await articleWith({ title: 'عنوان', sections: [{ body: first, format: 'text' }] });
      const section = el.shadowRoot!.querySelector('article-section')!;
      expectRightToLeft(section, ['دمشق', 'سوريا', 'CNN', 'أكدت', 'جهات']);
      const latin = box(section, 'CNN');
      expectRightOf(box(section, '(CNN', 0, 1), latin, '( right of CNN');
      expectRightOf(latin, box(section, 'CNN)', 3, 4), 'CNN right of )');
      // Latin reads left to right inside the Arabic line.
      expectRightOf(box(section, 'CNN', 2, 3), box(section, 'CNN', 0, 1), 'N right of C');
      const last = cnn.trim().split('\n').pop()!;
      const end = await articleWith({ title: 'عنوان', sections: [{ body: last, format: 'text' }] });
      const endSection = end.shadowRoot!.querySelector('article-section')!;
      expectRightToLeft(endSection, ['شبكة', 'CNN', 'بالنقاش']);
    });

    it('a Latin name followed by a number stays one left-to-right run: «إذاعة Europe 1 الفرنسية»', async () => {
      const el = await articleWith({ title: 'إذاعة Europe 1 الفرنسية تنقل عن حموشي 3 تصريحات' });
      const scope = title(el);
      expectRightToLeft(scope, ['إذاعة', 'Europe', 'الفرنسية', 'حموشي', '3', 'تصريحات']);
      // «Europe 1»: Latin then its number, left to right, between the Arabic words.
      expectRightOf(box(scope, ' 1 ', 1, 2), box(scope, 'Europe'), '1 right of Europe');
      expectRightOf(box(scope, 'إذاعة'), box(scope, ' 1 ', 1, 2), 'إذاعة right of 1');
    });
  });

  describe('user strings are isolated', () => {
    it('a Latin byline keeps its final period on its own side', async () => {
      const el = await articleWith({ title: 'عنوان', author: { name: 'Jean Dupont Jr.' } });
      const byline = part(el, 'byline');
      // Without isolation the period would land left of «Jean» in this right-to-left line.
      expectRightOf(box(byline, 'Jr.', 2, 3), box(byline, 'Jr.', 0, 2), '. right of Jr');
      expectRightOf(box(byline, 'بقلم'), box(byline, 'Jean'), 'بقلم right of the name');
      expect(byline.querySelector('bdi')?.textContent).to.equal('Jean Dupont Jr.');
    });

    it('a Latin headline in an Arabic ticker keeps its punctuation', async () => {
      const ticker = await fixture<NewsTickerElement>(
        html`<news-ticker
          paused
          style="font-size: 14px"
          .data=${{ items: [{ title: 'Reuters: oil up 2%.' }, { title: headline }] }}
        ></news-ticker>`,
      );
      const list = ticker.shadowRoot!.querySelector('.list:not(.copy)')!;
      const latin = [...list.querySelectorAll('bdi')].find((bdi) => bdi.textContent!.startsWith('Reuters'))!;
      expectRightOf(box(latin, '2%.', 2, 3), box(latin, '2%.', 1, 2), '. right of %');
      expectRightOf(box(latin, 'oil'), box(latin, 'Reuters'), 'oil right of Reuters');
      const arabic = [...list.querySelectorAll('bdi')].find((bdi) => bdi.textContent === headline)!;
      expectRightToLeft(arabic, ['قيمتها', '825', 'مليون', 'المغرب', '600', 'صاروخ']);
      expect(ticker.shadowRoot!.textContent).not.to.match(BIDI_MARKS);
    });
  });

  describe('dates are isolated and read in order', () => {
    // As above: WebKitGTK's range boxes inside reordered runs cannot judge order.
    before(function () {
      if (isWebKit) this.skip();
    });
    const data: ArticleInput = {
      title: 'عنوان',
      published: '2025-04-14T18:55:00+01:00',
      updated: '2025-04-14T20:10:00+01:00',
    };

    it('Arabic: «الاثنين، 14 أبريل 2025 في 18:55», isolated, no directional marks', async () => {
      const el = await articleWith(data);
      const time = part(el, 'time');
      expect(getComputedStyle(time).unicodeBidi).to.equal('isolate');
      expect(time.getAttribute('dir')).to.equal('auto');
      expect(time.textContent).not.to.match(BIDI_MARKS);
      const weekday = /الإثنين/.test(time.textContent!) ? 'الإثنين' : 'الاثنين';
      expectRightToLeft(time, [weekday, '14', 'أبريل', '2025', 'في', '18:55']);
      expectRightOf(box(time, '18:55', 3, 5), box(time, '18:55', 0, 2), '55 right of 18');
      // The label stays on its side of the date.
      const updatedLine = el.shadowRoot!.querySelector('.updated-line')!;
      expectRightOf(box(updatedLine, 'آخر تحديث'), box(updatedLine, '20:10'), 'label right of the date');
    });

    it('Arabic-Indic digits keep their order: «١٤ أبريل ٢٠٢٥ … ١٨:٥٥»', async () => {
      const el = await articleWith(data, 'numerals=arab');
      const time = part(el, 'time');
      expectRightToLeft(time, ['١٤', 'أبريل', '٢٠٢٥', '١٨:٥٥']);
      expectRightOf(box(time, '١٨:٥٥', 3, 5), box(time, '١٨:٥٥', 0, 2), '٥٥ right of ١٨');
      expectRightOf(box(time, '٢٠٢٥', 3, 4), box(time, '٢٠٢٥', 0, 1), '٥ right of ٢');
    });

    it('both calendars: «2025 / 16 شوال 1446 هـ» in reading order', async () => {
      const el = await articleWith(data, 'calendar=gregory+islamic-umalqura');
      const time = part(el, 'time');
      expectRightToLeft(time, ['أبريل', '2025', '/', '16', 'شوال', '1446', 'هـ', '18:55']);
    });

    it('Persian and Hebrew dates read right to left too', async () => {
      const fa = await articleWith(data, 'lang=fa');
      expectRightToLeft(part(fa, 'time'), ['دوشنبه', '۱۴', 'آوریل', '۲۰۲۵', 'ساعت', '۱۸:۵۵']);
      expectRightOf(
        box(part(fa, 'time'), '۱۸:۵۵', 3, 5),
        box(part(fa, 'time'), '۱۸:۵۵', 0, 2),
        '۵۵ right of ۱۸',
      );
      const he = await articleWith(data, 'lang=he');
      expectRightToLeft(part(he, 'time'), ['שני', '14', 'באפריל', '2025', '18:55']);
    });

    it('an English date in an Arabic article is its own left-to-right island', async () => {
      const el = await articleWith(data, 'locale=en');
      const time = part(el, 'time');
      expect(getComputedStyle(time).direction).to.equal('ltr');
      const boxes = ['Monday', 'April', '2025', '18:55'].map((word) => box(time, word));
      for (let i = 1; i < boxes.length; i += 1) expectRightOf(boxes[i], boxes[i - 1], 'left to right');
      const updatedLine = el.shadowRoot!.querySelector('.updated-line')!;
      expectRightOf(box(updatedLine, 'آخر تحديث'), box(updatedLine, 'Monday'), 'label right of the date');
    });

    it('a relative time reads «قبل 5 دقائق» right to left', async () => {
      const el = await articleWith(
        { title: 'عنوان', published: new Date(Date.now() - 5.5 * 60_000).toISOString() },
        'relative',
      );
      const time = part(el, 'time');
      expect(time.textContent).to.equal('قبل 5 دقائق');
      expectRightToLeft(time, ['قبل', '5', 'دقائق']);
    });
  });
});

describe('Arabic typography', () => {
  const marked = 'إِنَّ التَّعَاوُنَ الْأَمْنِيَّ مُسْتَمِرٌّ';

  it('never clips marks above or below the letters: no vertical overflow clipping, generous line height', async () => {
    const el = await articleWith({
      title: marked,
      kicker: marked,
      lead: marked,
      published: '2025-04-14T18:55:00+01:00',
      author: { name: marked },
      sections: [{ heading: marked, body: marked }],
    });
    const ticker = await fixture<NewsTickerElement>(
      html`<news-ticker
        paused
        .data=${{ items: [{ title: marked, time: '2025-04-14T18:55:00+01:00' }] }}
      ></news-ticker>`,
    );
    const section = el.shadowRoot!.querySelector('article-section')!;
    const blocks = [
      part(el, 'title'),
      part(el, 'kicker'),
      part(el, 'lead'),
      part(el, 'byline'),
      part(el, 'time'),
      section.shadowRoot!.querySelector('p')!,
      section.shadowRoot!.querySelector('[part="heading"]')!,
      ticker.shadowRoot!.querySelector('.list:not(.copy) [part="title"]')!,
    ];
    for (const block of blocks) {
      // Up to the page: no ancestor clips vertically.
      let node: Element | null = block;
      while (node && node !== document.body) {
        const style = getComputedStyle(node);
        expect(style.overflowY, `overflow-y of <${node.localName} class="${node.className}">`).to.equal(
          'visible',
        );
        node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host || null);
      }
      const style = getComputedStyle(block);
      const ratio = parseFloat(style.lineHeight) / parseFloat(style.fontSize);
      expect(ratio, `line-height of ${block.getAttribute('part') ?? block.localName}`).to.be.at.least(1.39);
    }
  });

  it('resets a page’s letter-spacing, word-spacing, text-transform and justification on Arabic', async () => {
    const page = await fixture<HTMLDivElement>(
      html`<div>
        <style>
          .hostile,
          .hostile * {
            letter-spacing: 4px !important;
            word-spacing: 9px !important;
            text-transform: uppercase !important;
            text-align: justify !important;
          }
        </style>
        <div class="hostile"></div>
      </div>`,
    );
    const el = document.createElement('news-article') as NewsArticleElement;
    el.data = {
      title: marked,
      lead: 'فقرة '.repeat(60),
      sections: [{ body: 'نص '.repeat(60) }],
      published: '2025-04-14T18:55:00+01:00',
    };
    page.querySelector('.hostile')!.append(el);
    await el.updateComplete;
    const section = el.shadowRoot!.querySelector('article-section')!;
    for (const node of [
      part(el, 'title'),
      part(el, 'lead'),
      part(el, 'time'),
      section.shadowRoot!.querySelector('p')!,
    ]) {
      const style = getComputedStyle(node);
      expect(style.letterSpacing, 'letter-spacing').to.equal('normal');
      expect(style.wordSpacing, 'word-spacing').to.match(/^(normal|0px)$/);
      expect(style.textTransform, 'text-transform').to.equal('none');
      expect(style.textAlign, 'text-align').to.match(/^(start|right)$/);
    }
  });

  it('names Arabic faces for every platform before the generic family, and lets --news-font-family win', async () => {
    const el = await articleWith({ title: 'عنوان' });
    const family = getComputedStyle(part(el, 'base')).fontFamily;
    const faces = family.split(',').map((face) => face.trim().replace(/^["']|["']$/g, ''));
    for (const face of [
      'Noto Naskh Arabic',
      'Noto Sans Arabic',
      'SF Arabic',
      'Geeza Pro',
      'Segoe UI',
      'Sakkal Majalla',
      'Tahoma',
      'Amiri',
      'DejaVu Sans',
    ]) {
      expect(faces, face).to.include(face);
    }
    expect(faces[0]).to.equal('Noto Naskh Arabic');
    expect(faces[faces.length - 1]).to.equal('sans-serif');
    // Sans Latin faces without Arabic come before any face whose Latin is serif (Amiri).
    expect(faces.indexOf('Noto Sans')).to.be.lessThan(faces.indexOf('Amiri'));

    const custom = await articleWith({ title: 'عنوان' });
    custom.style.setProperty('--news-font-family', "'Amiri', serif");
    await custom.updateComplete;
    expect(getComputedStyle(part(custom, 'base')).fontFamily).to.match(/^"?Amiri"?, serif$/);
    // Arabic-script languages put the Arabic faces first; others the sans Latin faces.
    const urdu = await articleWith({ title: 'عنوان' }, 'lang=ur');
    expect(getComputedStyle(part(urdu, 'base')).fontFamily).to.match(/^"?Noto Naskh Arabic"?,/);
    const french = await articleWith({ title: 'Titre' }, 'lang=fr');
    const latinFirst = getComputedStyle(part(french, 'base'))
      .fontFamily.split(',')
      .map((face) => face.trim().replace(/^["']|["']$/g, ''));
    expect(latinFirst.indexOf('Noto Sans')).to.be.lessThan(latinFirst.indexOf('Noto Naskh Arabic'));
    expect(latinFirst.indexOf('Segoe UI')).to.be.lessThan(latinFirst.indexOf('Noto Naskh Arabic'));
  });

  it('sets Latin words inside Arabic in a sans face, not in a Naskh face’s serif Latin', async function () {
    const el = await articleWith({ title: 'زار الوزير Retailleau المغرب' });
    const scope = title(el);
    const style = getComputedStyle(scope);
    const measure = (family: string) => {
      const probe = document.createElement('span');
      probe.textContent = 'Retailleau';
      probe.style.cssText = `font: ${style.fontWeight} ${style.fontSize} ${family}; position: absolute; white-space: nowrap;`;
      document.body.append(probe);
      const width = probe.getBoundingClientRect().width;
      probe.remove();
      return width;
    };
    const sans = measure("'Noto Sans'");
    const serif = measure("'Amiri'");
    if (Math.abs(sans - measure("'no such font', monospace")) < 0.5 || Math.abs(sans - serif) < 0.5)
      this.skip();
    const shown = box(scope, 'Retailleau').width;
    expect(shown).to.be.closeTo(sans, 0.75);
    expect(Math.abs(shown - serif)).to.be.greaterThan(1);
  });
});
