import { expect } from '@open-wc/testing';
import { decodeBytes, repairXml } from '../../src/data/decode.js';
import { DataError, parseBytes, toArticle, toTicker } from '../../src/data/parse.js';

const HEADLINE = 'عاجل: زلزال بقوة 5 درجات يضرب المغرب';

// windows-1256 for the Arabic letters of HEADLINE (ASCII maps to itself).
// prettier-ignore
const CP1256: Record<string, number> = {
  ا: 0xc7, ب: 0xc8, ة: 0xc9, ت: 0xca, ج: 0xcc, د: 0xcf, ر: 0xd1, ز: 0xd2,
  ض: 0xd6, ع: 0xda, غ: 0xdb, ق: 0xde, ل: 0xe1, م: 0xe3, و: 0xe6, ي: 0xed,
};
function windows1256(text: string): Uint8Array {
  return Uint8Array.from([...text], (ch) => CP1256[ch] ?? (ch < '\x80' ? ch.charCodeAt(0) : Number.NaN));
}
function utf16(text: string, littleEndian: boolean, bom = true): Uint8Array {
  const units = [...(bom ? '\ufeff' : ''), ...text].map((ch) => ch.charCodeAt(0));
  const out = new Uint8Array(units.length * 2);
  units.forEach((unit, i) => new DataView(out.buffer).setUint16(i * 2, unit, littleEndian));
  return out;
}
const utf8 = (text: string) => new TextEncoder().encode(text);
const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((part) => [...part]));

const feed = (encoding?: string) =>
  `<?xml version="1.0"${encoding ? ` encoding="${encoding}"` : ''}?>\n<rss version="2.0"><channel><title>أخبار</title><language>ar</language>` +
  `<item><title>${HEADLINE}</title><link>https://news.example/1</link></item></channel></rss>`;
const headlineOf = (bytes: Uint8Array | ArrayBuffer, contentType: string | null = null) => {
  const ticker = toTicker(parseBytes(bytes, contentType, 'feed.xml'));
  expect(ticker.lang).to.equal('ar');
  return ticker.items[0]?.title;
};

describe('decoding bytes', () => {
  it('builds windows-1256 test bytes correctly', () => {
    expect(new TextDecoder('windows-1256').decode(windows1256(HEADLINE))).to.equal(HEADLINE);
    expect([...windows1256('عاجل')]).to.deep.equal([0xda, 0xc7, 0xcc, 0xe1]);
  });

  const cases: [string, () => Uint8Array, string | null][] = [
    ['UTF-8 without a declaration', () => utf8(feed()), null],
    ['UTF-8 with a BOM', () => concat(Uint8Array.of(0xef, 0xbb, 0xbf), utf8(feed('utf-8'))), null],
    ['UTF-16LE with a BOM', () => utf16(feed('utf-16'), true), null],
    ['UTF-16BE with a BOM', () => utf16(feed('UTF-16'), false), null],
    ['UTF-16LE without a BOM', () => utf16(feed('utf-16'), true, false), null],
    ['windows-1256 declared in the XML prolog', () => windows1256(feed('windows-1256')), null],
    [
      'windows-1256 declared in the prolog, whatever the charset says',
      () => windows1256(feed('windows-1256')),
      'text/xml; charset=utf-8',
    ],
    [
      'windows-1256 from the content type charset',
      () => windows1256(feed()),
      'application/rss+xml; charset="windows-1256"',
    ],
    ['UTF-8 with a stale UTF-16 label (re-encoded file)', () => utf8(feed('utf-16')), null],
    ['UTF-8 with an unknown encoding label', () => utf8(feed('x-klingon')), null],
  ];
  for (const [name, make, contentType] of cases) {
    it(name, () => expect(headlineOf(make(), contentType)).to.equal(HEADLINE));
  }

  it('reads ISO-8859-1 as declared', () => {
    const bytes = Uint8Array.from(
      [
        ...'<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><item><title>caf\xe9 \xab1\xbb</title></item></channel></rss>',
      ],
      (ch) => ch.charCodeAt(0),
    );
    expect(toTicker(parseBytes(bytes, null, 'x')).items[0]!.title).to.equal('café «1»');
  });

  it('falls back to windows-1252 when undeclared bytes are not UTF-8', () => {
    const bytes = concat(
      utf8('<rss><channel><item><title>don'),
      Uint8Array.of(0x92),
      utf8('t '),
      Uint8Array.of(0x93),
      utf8('stop'),
      Uint8Array.of(0x94),
      utf8('</title></item></channel></rss>'),
    );
    expect(decodeBytes(bytes, 'application/xml')).to.include('don’t “stop”');
    expect(toTicker(parseBytes(bytes, 'application/xml', 'x')).items[0]!.title).to.equal('don’t “stop”');
  });

  it('keeps mostly-UTF-8 text UTF-8 despite one bad byte (the Arabic survives)', () => {
    const bytes = concat(
      utf8(`<rss><channel><item><title>${HEADLINE} `),
      Uint8Array.of(0xff),
      utf8('</title></item></channel></rss>'),
    );
    expect(toTicker(parseBytes(bytes, null, 'x')).items[0]!.title).to.equal(`${HEADLINE} \ufffd`);
  });

  it('decodes JSON with the content type charset as a hint', () => {
    const json = windows1256(`{"items":[{"title":"${HEADLINE}"}]}`);
    expect(toTicker(parseBytes(json, 'text/plain; charset=windows-1256', 'x'))).to.deep.equal({
      items: [{ title: HEADLINE }],
    });
    expect(
      toTicker(
        parseBytes(concat(Uint8Array.of(0xef, 0xbb, 0xbf), utf8(`[{"title":"${HEADLINE}"}]`)), null, 'x'),
      ).items,
    ).to.have.length(1);
  });

  it('accepts an ArrayBuffer as well as a Uint8Array', () => {
    expect(headlineOf(utf8(feed()).slice().buffer as ArrayBuffer)).to.equal(HEADLINE);
  });
});

describe('recovering broken XML', () => {
  const items = ['الأول', 'الثاني', 'الثالث'].map(
    (title, i) => `<item><title>${title}</title><link>https://news.example/${i}</link></item>`,
  );
  const titles = (xml: string) => toTicker(parseBytes(utf8(xml), null, 'x')).items.map((item) => item.title);

  it('drops an item cut off by a truncated download, keeps the complete ones', () => {
    const whole = `<rss version="2.0"><channel><title>t</title>${items.join('')}</channel></rss>`;
    const cut = whole.indexOf('الثالث') + 3; // inside the third title
    expect(titles(whole.slice(0, cut))).to.deep.equal(['الأول', 'الثاني']);
    // Cut inside a CDATA section of the second item.
    const cdata = `<rss><channel><item><title>أ</title></item><item><title>ب</title><description><![CDATA[<p>نص مقطوع`;
    expect(titles(cdata)).to.deep.equal(['أ']);
    // Cut in a closing tag, after the last item.
    expect(titles(`<rss><channel>${items[0]}</channel></rs`)).to.deep.equal(['الأول']);
  });

  it('drops a cut-off entry of a prefixed Atom feed', () => {
    const atom =
      '<a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:entry><a:title>كامل</a:title></a:entry><a:entry><a:title>مقطو';
    expect(titles(atom)).to.deep.equal(['كامل']);
  });

  it('decodes HTML entities, escapes bare ampersands, keeps unknown entities as text', () => {
    const xml =
      '<rss><channel><item><title>A&nbsp;&mdash;&nbsp;B &eacute;t&eacute; &hellip; R&D &foo; &#8217;s &#x41;</title>' +
      '<link>https://news.example/?a=1&b=2&amp;c=3</link><description><![CDATA[x & y &amp; z]]></description></item></channel></rss>';
    const doc = parseBytes(utf8(xml), null, 'x');
    expect(toTicker(doc).items[0]).to.deep.equal({
      title: 'A — B été … R&D &foo; ’s A',
      url: 'https://news.example/?a=1&b=2&c=3',
      id: 'https://news.example/?a=1&b=2&c=3',
    });
    // CDATA is left as it is.
    expect(toArticle(doc).sections[0]!.body).to.equal('x & y &amp; z');
  });

  it('removes control characters and junk after the document', () => {
    expect(
      titles(
        '<rss><channel><item><title>a\u000bb\u0001c</title></item></channel></rss>\n<script>alert(1)</script>',
      ),
    ).to.deep.equal(['abc']);
  });

  it('repairs only what is broken', () => {
    const fine =
      '<rss><channel><title>&amp; &lt; &#233;</title><item><title>x</title></item></channel></rss>';
    expect(repairXml(fine)).to.equal(fine);
  });

  it('reports what it cannot repair, naming the document', () => {
    for (const xml of [
      '<rss><channel><item><title>a</b></item></channel></rss>',
      '<rss><channel></item></rss>',
      '<feed><entry attr=></entry></feed>',
    ]) {
      let error: unknown;
      try {
        parseBytes(utf8(xml), null, 'https://news.example/feed.xml');
      } catch (e) {
        error = e;
      }
      expect(error, xml).to.be.instanceOf(DataError);
      expect((error as DataError).message, xml).to.match(
        /^https:\/\/news\.example\/feed\.xml is not well-formed XML/,
      );
    }
  });
});
