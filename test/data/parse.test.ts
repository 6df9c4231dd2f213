import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { ArticleData, TickerData } from '../../src/data/types.js';
import { DataError, parseBytes, parseJsonText, toArticle, toTicker } from '../../src/data/parse.js';
import { safeUrl } from '../../src/data/url.js';
import { parseDate, plainText } from '../../src/data/feeds/text.js';

const bytes = (text: string) => new TextEncoder().encode(text);
const rss = (items: string, channel = '') =>
  parseBytes(
    bytes(`<rss version="2.0"><channel><title>t</title>${channel}${items}</channel></rss>`),
    null,
    'test.xml',
  );

/** The DataError `read` throws. */
function dataError(read: () => unknown): DataError {
  try {
    read();
  } catch (error) {
    expect(error).to.be.instanceOf(DataError);
    return error as DataError;
  }
  throw new Error('expected a DataError, got a result');
}

describe('parseJsonText', () => {
  it('parses JSON', () => {
    expect(parseJsonText('{"items":[{"title":"عاجل"}]}', 'json attribute')).to.deep.equal({
      items: [{ title: 'عاجل' }],
    });
  });

  it('names where the invalid JSON came from', () => {
    const error = dataError(() => parseJsonText('{"items": [', 'json attribute'));
    expect(error.name).to.equal('DataError');
    expect(error.message).to.match(/^json attribute is not valid JSON: \S/);
    expect(error.cause).to.be.instanceOf(SyntaxError);
    expect(dataError(() => parseJsonText('', 'inline script')).message).to.match(
      /^inline script is not valid JSON/,
    );
  });
});

describe('own format: ticker', () => {
  it('normalizes a TickerData', () => {
    const data = toTicker(
      {
        label: '  عاجل ',
        lang: 'ar',
        items: [
          { title: '  زلزال   بقوة 5 درجات \n', url: '/news/1', time: '2025-04-14T18:55:00+01:00', id: 7 },
          { title: 'بلا رابط', time: 'yesterday', url: null },
        ],
      },
      'https://news.example/ar/index.html',
    );
    expect(data).to.deep.equal({
      label: 'عاجل',
      lang: 'ar',
      items: [
        {
          title: 'زلزال بقوة 5 درجات',
          url: 'https://news.example/news/1',
          time: '2025-04-14T17:55:00Z',
          id: '7',
        },
        // An unreadable time is left out, never "Invalid Date".
        { title: 'بلا رابط' },
      ],
    });
  });

  it('accepts a bare array of items', () => {
    expect(toTicker([{ title: 'أ' }, { title: 'ب', url: 'https://a.example/b' }])).to.deep.equal({
      items: [{ title: 'أ' }, { title: 'ب', url: 'https://a.example/b' }],
    });
  });

  it('keeps an own title as the plain text it is', () => {
    expect(toTicker({ items: [{ title: 'a <b> & c' }] }).items[0]!.title).to.equal('a <b> & c');
  });

  it('accepts an empty list (the empty state)', () => {
    expect(toTicker({ items: [] })).to.deep.equal({ items: [] });
  });

  const invalid: [unknown, string][] = [
    [{}, 'ticker.items must be an array'],
    [{ items: 'x' }, 'ticker.items must be an array'],
    [{ items: [null] }, 'ticker.items[0] must be an object'],
    [{ items: [{ title: 'a' }, { title: 1 }] }, 'ticker.items[1].title must be a string'],
    [{ items: [{}] }, 'ticker.items[0].title must be a string'],
    [{ items: [{ title: ' \n ' }] }, 'ticker.items[0].title must not be empty'],
    [{ items: [{ title: 'a', url: 5 }] }, 'ticker.items[0].url must be a string'],
    [{ items: [{ title: 'a', time: 1713117300000 }] }, 'ticker.items[0].time must be a string'],
    [{ items: [{ title: 'a', id: {} }] }, 'ticker.items[0].id must be a string or a number'],
    [{ label: 5, items: [] }, 'ticker.label must be a string'],
    [{ lang: ['ar'], items: [] }, 'ticker.lang must be a string'],
    [[{ title: 'a' }, 'b'], 'ticker[1] must be an object'],
    [42, 'ticker must be an object or an array'],
    ['عاجل', 'ticker must be an object or an array'],
    [null, 'ticker must be an object or an array'],
    [{ title: 'an article, not a ticker' }, 'ticker.items must be an array'],
  ];
  for (const [input, message] of invalid) {
    it(`refuses ${JSON.stringify(input)}: ${message}`, () => {
      const error = dataError(() => toTicker(input));
      expect(error.message).to.equal(message);
      expect(error.path).to.equal(message.split(' ')[0]);
    });
  }
});

describe('own format: article', () => {
  it('normalizes an ArticleData', () => {
    const data = toArticle(
      {
        title: 'انسجام وتعاون',
        kicker: 'سياسة',
        published: '2025-04-14T18:55:00+01:00',
        updated: 'not a date',
        lead: 'فقرة  تمهيدية',
        author: { name: 'سعاد', url: '/authors/souad' },
        source: 'هسبريس',
        image: { src: 'img/1.jpg', alt: 'صورة', caption: 'تعليق', credit: 'وكالة', width: 800, height: 600 },
        sections: [
          { heading: 'قسم', body: 'نص **القسم**' },
          { body: '<p>x</p>', format: 'html' },
        ],
        tags: ['المغرب', ' ', 'اقتصاد'],
        url: 'https://news.example/a/1',
        id: 123,
        lang: 'ar',
        dir: 'rtl',
      },
      { baseUrl: 'https://news.example/a/' },
    );
    expect(data).to.deep.equal({
      title: 'انسجام وتعاون',
      kicker: 'سياسة',
      published: '2025-04-14T17:55:00Z',
      lead: 'فقرة تمهيدية',
      author: { name: 'سعاد', url: 'https://news.example/authors/souad' },
      source: { name: 'هسبريس' },
      image: {
        src: 'https://news.example/a/img/1.jpg',
        alt: 'صورة',
        caption: 'تعليق',
        credit: 'وكالة',
        width: 800,
        height: 600,
      },
      sections: [
        { heading: 'قسم', body: 'نص **القسم**' },
        { body: '<p>x</p>', format: 'html' },
      ],
      tags: ['المغرب', 'اقتصاد'],
      url: 'https://news.example/a/1',
      id: '123',
      lang: 'ar',
      dir: 'rtl',
    } satisfies ArticleData);
  });

  it('splits a markdown body into sections at "## " lines, not inside code fences', () => {
    const body = [
      'فقرة أولى.',
      '',
      '## انسجام وتعاون',
      'نص **القسم**',
      '',
      '```md',
      '## not a heading',
      '```',
      '### subheading stays inside',
      '##not a heading either',
      '## الخاتمة ##',
      'آخر سطر',
    ].join('\n');
    expect(toArticle({ title: 't', body }).sections).to.deep.equal([
      { body: 'فقرة أولى.' },
      {
        heading: 'انسجام وتعاون',
        body: 'نص **القسم**\n\n```md\n## not a heading\n```\n### subheading stays inside\n##not a heading either',
      },
      { heading: 'الخاتمة', body: 'آخر سطر' },
    ]);
    expect(toArticle({ title: 't', body: '## وحده' }).sections).to.deep.equal([
      { heading: 'وحده', body: '' },
    ]);
    expect(toArticle({ title: 't', body: '' }).sections).to.deep.equal([]);
  });

  it('puts a body before sections given as well', () => {
    expect(toArticle({ title: 't', body: 'أ', sections: [{ body: 'ب' }] }).sections).to.deep.equal([
      { body: 'أ' },
      { body: 'ب' },
    ]);
  });

  it('drops an image whose src is unsafe, and an unsafe author link', () => {
    const data = toArticle({
      title: 't',
      image: { src: 'javascript:alert(1)' },
      author: { name: 'x', url: 'javascript:alert(1)' },
    });
    expect(data).to.deep.equal({ title: 't', author: { name: 'x' }, sections: [] });
  });

  const invalid: [unknown, string][] = [
    [{}, 'article.title must be a string'],
    [{ title: '' }, 'article.title must not be empty'],
    [{ title: 't', sections: {} }, 'article.sections must be an array'],
    [
      { title: 't', sections: [{ body: 'a' }, { body: 'b' }, { heading: 'c' }] },
      'article.sections[2].body must be a string',
    ],
    [{ title: 't', sections: ['x'] }, 'article.sections[0] must be an object'],
    [{ title: 't', sections: [{ body: 'x', heading: 1 }] }, 'article.sections[0].heading must be a string'],
    [
      { title: 't', sections: [{ body: 'x', format: 'pdf' }] },
      'article.sections[0].format must be "markdown", "text" or "html"',
    ],
    [{ title: 't', body: ['x'] }, 'article.body must be a string'],
    [{ title: 't', author: 5 }, 'article.author must be a string or an object with a name'],
    [{ title: 't', author: { url: 'https://a.example' } }, 'article.author.name must be a string'],
    [{ title: 't', source: { name: 1 } }, 'article.source.name must be a string'],
    [{ title: 't', tags: 'a,b' }, 'article.tags must be an array'],
    [{ title: 't', tags: ['a', 2] }, 'article.tags[1] must be a string'],
    [{ title: 't', dir: 'up' }, 'article.dir must be "rtl" or "ltr"'],
    [{ title: 't', image: 5 }, 'article.image must be an object or a URL'],
    [{ title: 't', image: { alt: 'x' } }, 'article.image.src must be a string'],
    [{ title: 't', image: { src: 'a.jpg', width: -1 } }, 'article.image.width must be a positive number'],
    [{ title: 't', published: 20250414 }, 'article.published must be a string'],
    [{ title: 't', lead: {} }, 'article.lead must be a string'],
    [{ title: 't', url: 1 }, 'article.url must be a string'],
    [[{ title: 't' }], 'article must be an object'],
    [null, 'article must be an object'],
  ];
  for (const [input, message] of invalid) {
    it(`refuses ${JSON.stringify(input)}: ${message}`, () => {
      const error = dataError(() => toArticle(input));
      expect(error.message).to.equal(message);
      expect(error.path).to.equal(message.split(' ')[0]);
    });
  }
});

describe('page documents', () => {
  const page = {
    ticker: { label: 'عاجل', items: [{ title: 'خبر', url: '/1' }] },
    article: { title: 'مقال', body: 'نص' },
  };

  it('gives each element its part', () => {
    expect(toTicker(page)).to.deep.equal({ label: 'عاجل', items: [{ title: 'خبر', url: '/1' }] });
    expect(toArticle(page)).to.deep.equal({ title: 'مقال', sections: [{ body: 'نص' }] });
  });

  it('accepts a bare array or a feed as the ticker part', () => {
    expect(toTicker({ ticker: [{ title: 'أ' }] })).to.deep.equal({ items: [{ title: 'أ' }] });
    const feed = {
      version: 'https://jsonfeed.org/version/1.1',
      items: [{ id: '1', title: 'ب', content_text: 'x' }],
    };
    expect(toTicker({ ticker: feed })).to.deep.equal({ items: [{ title: 'ب', id: '1' }] });
    expect(toArticle({ article: feed }).sections).to.deep.equal([{ body: 'x', format: 'text' }]);
  });

  it('names a missing or invalid part', () => {
    expect(dataError(() => toTicker({ article: page.article })).message).to.equal(
      'the page document has no ticker',
    );
    expect(dataError(() => toArticle({ ticker: page.ticker })).message).to.equal(
      'the page document has no article',
    );
    const error = dataError(() => toTicker({ ticker: { items: [{ title: 3 }] } }));
    expect(error.message).to.equal('ticker.items[0].title must be a string');
    expect(error.path).to.equal('ticker.items[0].title');
    expect(dataError(() => toArticle({ ...page, article: { title: 't', sections: [{}] } })).message).to.equal(
      'article.sections[0].body must be a string',
    );
  });
});

describe('JSON formats', () => {
  it('reads a JSON Feed with relative links, language and the item attribute', () => {
    const feed = {
      version: 'https://jsonfeed.org/version/1.1',
      title: 'أخبار',
      home_page_url: 'https://news.example/',
      language: 'ar-MA',
      authors: [{ name: 'التحرير' }],
      items: [
        {
          id: 'a',
          url: '/a',
          title: 'أول &amp; <b>عاجل</b>',
          summary: '<p>ملخص</p>',
          content_html: '<p><img src="pic.jpg"></p>',
          date_published: '2025-04-14T18:55:00+01:00',
        },
        {
          id: 'b',
          external_url: 'https://other.example/b',
          title: 'ثان',
          content_text: 'نص',
          tags: ['x', 1, 'y'],
        },
        { id: 'c', content_text: 'no title: never shown' },
      ],
    };
    expect(toTicker(feed)).to.deep.equal({
      lang: 'ar-MA',
      items: [
        { title: 'أول & عاجل', url: 'https://news.example/a', time: '2025-04-14T17:55:00Z', id: 'a' },
        { title: 'ثان', url: 'https://other.example/b', id: 'b' },
      ],
    });
    expect(toArticle(feed)).to.deep.equal({
      title: 'أول & عاجل',
      url: 'https://news.example/a',
      id: 'a',
      published: '2025-04-14T17:55:00Z',
      lead: 'ملخص',
      author: { name: 'التحرير' },
      source: { name: 'أخبار', url: 'https://news.example/' },
      sections: [{ body: '<p><img src="https://news.example/pic.jpg"></p>', format: 'html' }],
      lang: 'ar-MA',
    });
    expect(toArticle(feed, { item: 'b' }).tags).to.deep.equal(['x', 'y']);
    expect(toArticle(feed, { item: 'https://news.example/a' }).id, 'by url').to.equal('a');
    expect(dataError(() => toArticle(feed, { item: 'c' })).message).to.equal('the feed has no item "c"');
  });

  it('reads schema.org NewsArticle JSON-LD alone, in an array and in an ItemList', () => {
    const article = {
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'عنوان الخبر',
      url: 'https://news.example/1',
      datePublished: '2025-04-14T18:55:00+01:00',
      inLanguage: 'ar',
      author: [{ '@type': 'Person', name: 'سعاد', url: 'https://news.example/souad' }],
      publisher: { '@type': 'Organization', name: 'الجريدة' },
      image: { '@type': 'ImageObject', url: 'https://news.example/1.jpg', width: 1200, height: 675 },
      description: 'الملخص',
      articleBody: 'النص الكامل',
      articleSection: ['سياسة'],
      keywords: 'المغرب, سياسة',
    };
    expect(toArticle(article)).to.deep.equal({
      title: 'عنوان الخبر',
      kicker: 'سياسة',
      url: 'https://news.example/1',
      id: 'https://news.example/1',
      published: '2025-04-14T17:55:00Z',
      lead: 'الملخص',
      author: { name: 'سعاد', url: 'https://news.example/souad' },
      source: { name: 'الجريدة' },
      image: { src: 'https://news.example/1.jpg', width: 1200, height: 675 },
      sections: [{ body: 'النص الكامل', format: 'text' }],
      tags: ['المغرب', 'سياسة'],
      lang: 'ar',
    });
    expect(
      toTicker([article, { ...article, '@type': ['Article'], headline: 'ثان', url: '/2' }]).items.map(
        (i) => i.title,
      ),
    ).to.deep.equal(['عنوان الخبر', 'ثان']);
    const list = {
      '@context': 'https://schema.org',
      '@type': 'ItemList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, url: 'https://news.example/1', name: 'أول' },
        {
          '@type': 'ListItem',
          position: 2,
          item: { '@type': 'NewsArticle', headline: 'ثان', url: 'https://news.example/2' },
        },
      ],
    };
    expect(toTicker(list).items).to.deep.equal([
      { title: 'أول', url: 'https://news.example/1', id: 'https://news.example/1' },
      { title: 'ثان', url: 'https://news.example/2', id: 'https://news.example/2' },
    ]);
  });

  it('reads a WordPress post without _embed, preferring date_gmt', () => {
    const post = {
      id: 5,
      date: '2025-04-14T18:55:00',
      date_gmt: '2025-04-14T17:55:00',
      link: 'https://news.example/?p=5',
      title: { rendered: 'عنوان &#8220;مقتبس&#8221; &amp; آخر' },
      content: { rendered: '<p>النص</p>', protected: false },
      excerpt: { rendered: '<p>المقتطف [&hellip;]</p>' },
    };
    expect(toArticle(post)).to.deep.equal({
      title: 'عنوان “مقتبس” & آخر',
      url: 'https://news.example/?p=5',
      id: '5',
      published: '2025-04-14T17:55:00Z',
      lead: 'المقتطف […]',
      sections: [{ body: '<p>النص</p>', format: 'html' }],
    });
  });

  it('caps the items read from a feed', () => {
    const items = Array.from({ length: 600 }, (_, i) => ({ id: String(i), title: `t${i}` }));
    expect(toTicker({ version: '1.1', items }).items).to.have.length(500);
  });
});

describe('hostile input', () => {
  it('strips markup from titles and never runs it', async () => {
    const doc = rss(`
      <item><title>&lt;script&gt;window.__pwned = 1&lt;/script&gt;Breaking</title></item>
      <item><title><![CDATA[<img src="x" onerror="window.__pwned = 2">Headline <b>bold</b>]]></title></item>
      <item><title>&amp;lt;p&amp;gt;double&amp;lt;/p&amp;gt;</title></item>
      <item><title><![CDATA[<style>*{}</style><svg onload="window.__pwned = 3">x</svg> &#x27;q&#x27;]]></title></item>`);
    expect(toTicker(doc).items.map((item) => item.title)).to.deep.equal([
      'Breaking',
      'Headline bold',
      'double',
      "x 'q'",
    ]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('drops unsafe links, however disguised', () => {
    const links = [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'java&#x09;script:alert(1)',
      '&#x0A;javascript:alert(1)',
      'java&#x0D;script:alert(1)',
      '&amp;#106;avascript:alert(1)',
      '&amp;#x6A;avascript:alert(1)',
      'javascript&amp;colon;alert(1)',
      'jav&amp;Tab;ascript:alert(1)',
      'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      'blob:https://a.example/x',
    ];
    const doc = rss(links.map((link, i) => `<item><title>${i}</title><link>${link}</link></item>`).join(''));
    const items = toTicker(doc, 'https://news.example/feed.xml').items;
    expect(items).to.have.length(links.length);
    for (const item of items) expect(item, links[Number(item.title)]).not.to.have.property('url');
  });

  it('drops unsafe links in the own format, with control characters too', () => {
    const urls = [
      '\u0001javascript:alert(1)',
      'java\u0000script:alert(1)',
      '\u200bjavascript:alert(1)',
      'javascript\u00ad:alert(1)',
      ' data:,x',
    ];
    const items = toTicker(urls.map((url, i) => ({ title: String(i), url }))).items;
    expect(items.every((item) => !('url' in item))).to.equal(true);
  });

  const urls: [string, string | undefined, string?][] = [
    ['https://a.example/x?q=1&r=2#f', 'https://a.example/x?q=1&r=2#f'],
    ['HTTP://A.example', 'http://a.example/'],
    ['  https://a.example/  ', 'https://a.example/'],
    ['mailto:desk@news.example', 'mailto:desk@news.example'],
    ['/news/1', '/news/1'],
    ['news/1?x=1', 'news/1?x=1'],
    ['/news/1', 'https://b.example/news/1', 'https://b.example/feed.xml'],
    ['../2', 'https://b.example/a/2', 'https://b.example/a/b/feed.xml'],
    ['#top', 'https://b.example/feed.xml#top', 'https://b.example/feed.xml'],
    ['//cdn.example/x.jpg', 'https://cdn.example/x.jpg', 'https://b.example/'],
    ['/x', '/x', 'javascript:alert(1)'],
    ['javascript:alert(1)', undefined, 'https://b.example/'],
    ['tel:+212500', undefined],
    ['ftp://a.example/x', undefined],
    ['', undefined],
    ['   ', undefined],
    ['https://', undefined],
  ];
  for (const [raw, safe, base] of urls) {
    it(`safeUrl(${JSON.stringify(raw)}${base ? `, ${base}` : ''}) = ${safe}`, () => {
      expect(safeUrl(raw, base)).to.equal(safe);
    });
  }
  it('safeUrl ignores anything but strings', () => {
    expect(safeUrl(42)).to.equal(undefined);
    expect(safeUrl({ toString: () => 'https://a.example' })).to.equal(undefined);
  });

  it('turns any failure into a DataError', () => {
    const hostile = {
      get items(): unknown {
        throw new TypeError('boom');
      },
    };
    const error = dataError(() => toTicker(hostile));
    expect(error.message).to.equal('could not read the ticker data: boom');
    expect(error.cause).to.be.instanceOf(TypeError);
  });

  it('survives deep nesting without recursion', () => {
    const depth = 20000;
    const nested = JSON.parse('['.repeat(depth) + ']'.repeat(depth)) as unknown;
    expect(dataError(() => toTicker(nested)).message).to.equal('ticker[0] must be an object');
    let graph: Record<string, unknown> = { '@type': 'NewsArticle', headline: 'deep' };
    for (let i = 0; i < depth; i++) graph = { '@context': 'https://schema.org', '@graph': [graph] };
    expect(toTicker(graph).items, 'articles deeper than a few levels are not looked for').to.deep.equal([]);
    const xml = `<rss><channel><item><title>x</title>${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}</item></channel></rss>`;
    try {
      expect(toTicker(parseBytes(bytes(xml), null, 'deep.xml')).items).to.deep.equal([{ title: 'x' }]);
    } catch (error) {
      expect(error).to.be.instanceOf(DataError); // the XML parser's own depth limit
    }
  });

  it('fuzz: any JSON value gives typed data or a DataError', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        for (const read of [() => toTicker(value), () => toArticle(value)]) {
          try {
            const data = read() as TickerData | ArticleData;
            if ('items' in data)
              for (const item of data.items) expect(item.title).to.be.a('string').and.not.equal('');
            else expect(data.title).to.be.a('string').and.not.equal('');
          } catch (error) {
            if (!(error instanceof DataError)) throw error;
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('fuzz: feeds as JSON shapes give typed data or a DataError', () => {
    const anything = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.constant(null),
      fc.array(fc.string()),
      fc.dictionary(fc.string(), fc.string()),
    );
    const shapes = fc.oneof(
      fc.record({
        version: fc.constant('1.1'),
        items: fc.array(
          fc.dictionary(
            fc.constantFrom('id', 'title', 'url', 'content_html', 'date_published', 'authors', 'tags'),
            anything,
          ),
        ),
      }),
      fc.array(
        fc.record({
          title: fc.record({ rendered: anything }),
          content: anything,
          link: anything,
          date_gmt: anything,
          _embedded: anything,
        }),
      ),
      fc.record({
        '@context': fc.constant('https://schema.org'),
        '@graph': fc.array(
          fc.dictionary(
            fc.constantFrom(
              '@type',
              '@id',
              'headline',
              'author',
              'image',
              'mainEntityOfPage',
              'itemListElement',
            ),
            anything,
          ),
        ),
      }),
    );
    fc.assert(
      fc.property(shapes, (value) => {
        for (const read of [() => toTicker(value), () => toArticle(value)]) {
          try {
            read();
          } catch (error) {
            if (!(error instanceof DataError)) throw error;
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('fuzz: any bytes and broken XML give typed data or a DataError', () => {
    const token = fc.constantFrom(
      '<rss version="2.0">',
      '</rss>',
      '<channel>',
      '</channel>',
      '<item>',
      '</item>',
      '<title>',
      '</title>',
      '<link>',
      '</link>',
      '<feed xmlns="http://www.w3.org/2005/Atom">',
      '</feed>',
      '<entry>',
      '</entry>',
      '<content type="xhtml">',
      '<div>',
      '</div>',
      '&',
      '&amp;',
      '&hellip;',
      '&#xD800;',
      '&#0;',
      '<![CDATA[',
      ']]>',
      '<!--',
      '-->',
      '<',
      '>',
      '"',
      'عاجل',
      'javascript:x',
      ' ',
      '\u0000',
    );
    const input = fc.oneof(
      fc.array(token, { maxLength: 40 }).map((tokens) => bytes(tokens.join(''))),
      fc.uint8Array({ maxLength: 200 }),
    );
    fc.assert(
      fc.property(input, (data) => {
        try {
          const doc = parseBytes(data, null, 'fuzz');
          for (const item of toTicker(doc).items) expect(item.title).to.be.a('string').and.not.equal('');
          toArticle(doc);
        } catch (error) {
          if (!(error instanceof DataError)) throw error;
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('dates', () => {
  const dates: [unknown, string | undefined][] = [
    ['Thu, 01 Aug 2019 16:15:00 +0000', '2019-08-01T16:15:00Z'],
    ['Thu, 01 Aug 2019 16:15 EDT', '2019-08-01T20:15:00Z'],
    ['03 Apr 02 1500 GMT', '2002-04-03T15:00:00Z'],
    ['Sun, 10 Dec 17 13:01:36 -0800', '2017-12-10T21:01:36Z'],
    ['Sun, 10 Dec 99 13:01:36 -0800', '1999-12-10T21:01:36Z'],
    ['Tue, 15 Nov 2022 20:15:04 Z', '2022-11-15T20:15:04Z'],
    ['Fri, 08 Jul 2016 13:40:00 UTC', '2016-07-08T13:40:00Z'],
    ['Mon, 5 Aug 2019 23:11:09 +0000', '2019-08-05T23:11:09Z'],
    ['5 August 2019 23:11:09 +05:30', '2019-08-05T17:41:09Z'],
    ['Wed, 02 Oct 2002 08:00:00 PDT', '2002-10-02T15:00:00Z'],
    ['Wed, 02 Oct 2002 08:00:00 GMT+2', '2002-10-02T06:00:00Z'],
    ['Wed, 02 Oct 2002 08:00:00 +0000 (UTC)', '2002-10-02T08:00:00Z'],
    ['Wed, 02 Oct 2002', '2002-10-02T00:00:00Z'],
    ['2017-06-13T03:18:00+00:0', '2017-06-13T03:18:00Z'],
    ['2003-12-13T08:29:29-04:00', '2003-12-13T12:29:29Z'],
    ['2019-10-12T07:20:50.52Z', '2019-10-12T07:20:50Z'],
    ['2025-04-14T18:55:00+0100', '2025-04-14T17:55:00Z'],
    ['2016-11-25T18:31:11', '2016-11-25T18:31:11Z'],
    ['2016-05-13 15:14:05', '2016-05-13T15:14:05Z'],
    ['2022-12-17', '2022-12-17T00:00:00Z'],
    ['  2022-12-17T10:00Z  ', '2022-12-17T10:00:00Z'],
    ['1998-12-31T23:59:60Z', '1998-12-31T23:59:59Z'],
    ['', undefined],
    ['yesterday', undefined],
    ['Invalid Date', undefined],
    ['31 Apr 2020 10:00 GMT', undefined],
    ['2020-02-30', undefined],
    ['2020-13-01', undefined],
    ['Thu, 01 Aug 2019 25:00 GMT', undefined],
    ['Thu, 01 Foo 2019 10:00 GMT', undefined],
    ['2019-08-01T10:00:00 XYZ', undefined],
    ['الإثنين 14 أبريل 2025', undefined],
    [1713117300000, undefined],
    [null, undefined],
  ];
  for (const [input, iso] of dates) {
    it(`${JSON.stringify(input)} -> ${iso}`, () => expect(parseDate(input)).to.equal(iso));
  }
});

describe('plain text', () => {
  const texts: [string | undefined, string | undefined][] = [
    ['1930ft<sup>2</sup>', '1930ft2'],
    ['&lt;p&gt;Item Title&lt;/p&gt;', 'Item Title'],
    ['<p>one</p><p>two</p>', 'one two'],
    ['a<br>b<li>c', 'a b c'],
    ['<script>alert(1)</script>Safe', 'Safe'],
    ['  many \n\t spaces  ', 'many spaces'],
    ['&#x0024;4300 &amp; more', '$4300 & more'],
    ['a < b and c > d', 'a < b and c > d'],
    ['it’s â€™ fine', 'it’s ’ fine'],
    ['&#226;&#128;&#166;', '…'],
    ['Ø¹Ø§Ø¬Ù„', 'عاجل'],
    ['CAFÉ… déjà vu ¿Qué…?', 'CAFÉ… déjà vu ¿Qué…?'],
    ['don\u0092t', 'don’t'],
    ['<b></b>', undefined],
    ['', undefined],
    [undefined, undefined],
  ];
  for (const [input, text] of texts) {
    it(`${JSON.stringify(input)} -> ${JSON.stringify(text)}`, () => expect(plainText(input)).to.equal(text));
  }
});

describe('parseBytes', () => {
  const errors: [string, RegExp][] = [
    ['', /^feed\.xml is empty$/],
    [' \n\t ', /^feed\.xml is empty$/],
    ['\ufeff', /^feed\.xml is empty$/],
    [
      '<!DOCTYPE html><html><head><title>404</title></head><body>Not found</body></html>',
      /^feed\.xml looks like an HTML page, not a feed$/,
    ],
    ['<!-- cached --><html lang="ar"><body>x</body></html>', /looks like an HTML page, not a feed/],
    [
      '<?xml version="1.0"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x.dtd"><html xmlns="http://www.w3.org/1999/xhtml"/>',
      /looks like an HTML page, not a feed/,
    ],
    [
      '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><title>x</title></svg>',
      /^feed\.xml is XML but not a feed \(its root is <svg>\)$/,
    ],
    [
      '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description/></rdf:RDF>',
      /^the XML document is not a feed/,
    ],
    ['{"items": [', /^feed\.xml is not valid JSON: \S/],
    ['[{"title": "a"},]', /^feed\.xml is not valid JSON: \S/],
    ['عاجل: هذا نص وليس خلاصة', /^feed\.xml is neither JSON nor a feed/],
    ['<rss><channel><title>a</titl></channel></rss>', /^feed\.xml is not well-formed XML/],
    ['<rss', /^feed\.xml is not well-formed XML/],
  ];
  for (const [text, message] of errors) {
    it(`refuses ${JSON.stringify(text.slice(0, 60))}`, () => {
      expect(dataError(() => parseBytes(bytes(text), 'application/xml', 'feed.xml')).message).to.match(
        message,
      );
    });
  }

  it('detects JSON by content, whatever the content type says', () => {
    const doc = parseBytes(bytes(' {"items":[{"title":"عاجل"}]}\n'), 'text/html', 'data.txt');
    expect(toTicker(doc)).to.deep.equal({ items: [{ title: 'عاجل' }] });
    expect(parseBytes(bytes('42'), null, 'x')).to.equal(42);
    expect(dataError(() => toTicker(42)).message).to.equal('ticker must be an object or an array');
  });

  it('detects feeds by content, whatever the content type says', () => {
    const doc = parseBytes(
      bytes('<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>t</title></entry></feed>'),
      'application/json',
      'feed.json',
    );
    expect(doc).to.be.instanceOf(Document);
    expect(toTicker(doc).items).to.deep.equal([{ title: 't' }]);
  });

  it('refuses what is too large before decoding it', () => {
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    expect(dataError(() => parseBytes(big, null, 'big.json')).message).to.equal(
      'big.json is too large (10485761 bytes)',
    );
  });

  it('refuses an XML document that is not a feed when given one directly', () => {
    const svg = new DOMParser().parseFromString('<svg xmlns="http://www.w3.org/2000/svg"/>', 'image/svg+xml');
    expect(dataError(() => toTicker(svg)).message).to.equal(
      'the XML document is not a feed (its root is <svg>)',
    );
  });
});

describe('Trusted Types', () => {
  it('parses feeds on a page that enforces Trusted Types, with the one policy "akhbar"', async () => {
    const module = new URL('../../src/data/parse.ts', import.meta.url).href;
    const iframe = document.createElement('iframe');
    iframe.srcdoc = `<meta http-equiv="Content-Security-Policy" content="require-trusted-types-for 'script'; trusted-types akhbar">
      <script type="module">
        const violations = [];
        document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
        try {
          const { parseBytes, toTicker, toArticle } = await import(${JSON.stringify(module)});
          const xml = '<rss version="2.0"><channel><title>T &hellip;</title><link>https://news.example/</link>'
            + '<item><title>&lt;b&gt;عاجل&lt;/b&gt; خبر</title><link>/1</link><description>&lt;p&gt;&lt;a href="2"&gt;x&lt;/a&gt;&lt;/p&gt;</description></item>'
            + '</channel></rss>';
          const doc = parseBytes(new TextEncoder().encode(xml), null, 'https://news.example/feed.xml');
          const ticker = toTicker(doc, 'https://news.example/feed.xml');
          const article = toArticle(doc, { baseUrl: 'https://news.example/feed.xml' });
          await new Promise((resolve) => setTimeout(resolve, 50)); // violation reports are queued
          const seen = [...violations];
          // Only now make sure the page enforces: a plain string must be refused.
          let enforced = false;
          try { new DOMParser().parseFromString('<p>', 'text/html'); } catch { enforced = true; }
          parent.postMessage({ ticker, sections: article.sections, enforced, supported: 'trustedTypes' in window, violations: seen }, '*');
        } catch (error) {
          parent.postMessage({ error: String(error), violations }, '*');
        }
      </script>`;
    const answer = new Promise<Record<string, unknown>>((resolve) => {
      const listen = (event: MessageEvent) => {
        if (event.source !== iframe.contentWindow) return;
        window.removeEventListener('message', listen);
        resolve(event.data as Record<string, unknown>);
      };
      window.addEventListener('message', listen);
    });
    document.body.append(iframe);
    try {
      const result = await answer;
      expect(result['error']).to.equal(undefined);
      expect(result['violations']).to.deep.equal([]);
      if (result['supported'])
        expect(result['enforced'], 'the page really enforces Trusted Types').to.equal(true);
      expect(result['ticker']).to.deep.equal({
        items: [{ title: 'عاجل خبر', url: 'https://news.example/1', id: 'https://news.example/1' }],
      });
      expect(result['sections']).to.deep.equal([
        { body: '<p><a href="https://news.example/2">x</a></p>', format: 'html' },
      ]);
    } finally {
      iframe.remove();
    }
  });
});
