// The feed corpus (../shared/corpus/feeds, outside the repository): every file, through
// parseBytes -> toTicker/toArticle as the elements use them, and through its adapter for what a
// ticker does not show (items without a title, feed titles, bodies).
import { expect } from '@open-wc/testing';
import type { ArticleData, TickerData, TickerItem } from '../../src/data/types.js';
import { DataError, parseBytes, toArticle, toTicker } from '../../src/data/parse.js';
import type { Feed } from '../../src/data/feeds/feed.js';
import { readAtom } from '../../src/data/feeds/atom.js';
import { readRss } from '../../src/data/feeds/rss.js';
import { isJsonFeed, readJsonFeed } from '../../src/data/feeds/jsonfeed.js';
import { isWordPressPost, readWordPress } from '../../src/data/feeds/wordpress.js';
import { isJsonLd, readJsonLd } from '../../src/data/feeds/jsonld.js';

// The test server serves the directory above its root under this prefix ("1" = one level up).
const CORPUS = '/api/corpus/';

type Format = 'rss' | 'rdf' | 'atom' | 'jsonfeed' | 'wordpress' | 'jsonld';

interface Row {
  file: string;
  /** Size on disk: the bytes must arrive unchanged for encoding tests to mean anything. */
  bytes: number;
  format?: Format;
  /** Items the adapter read, with or without a title (the corpus README's count). */
  read?: number;
  /** Items on the ticker (those with a title). */
  items?: number;
  lang?: string;
  /** The first ticker item, exactly. */
  first?: TickerItem;
  /** The document is refused with a DataError whose message matches. */
  error?: RegExp;
  check?: (feed: Feed, ticker: TickerData, doc: unknown) => void;
}

/** The article of the feed's first item that has a title. */
const article = (doc: unknown, item?: string): ArticleData => toArticle(doc, { item });
const body = (feed: Feed, i = 0) => feed.items[i]!.article().sections[0]?.body;

const rows: Row[] = [
  {
    file: 'feed-rs__atom_example_1.xml',
    bytes: 1606,
    format: 'atom',
    read: 1,
    items: 1,
    first: {
      title: 'Atom draft-07 snapshot',
      url: 'http://example.org/2005/04/02/atom',
      time: '2003-12-13T12:29:29Z',
      id: 'tag:example.org,2003:3.2397',
    },
    check: (feed, _, doc) => {
      // An Atom feed without any namespace; inline XHTML content keeps its markup, loses the wrapping div.
      expect(feed.title).to.equal('dive into mark');
      const a = article(doc);
      expect(a.sections[0]!.format).to.equal('html');
      expect(a.sections[0]!.body).to.match(
        /^<p>\s*<i>\[Update: The Atom draft is finished\.\]<\/i>\s*<\/p>$/,
      );
      expect(a.author).to.deep.equal({ name: 'Mark Pilgrim', url: 'http://example.org/' });
      expect(a.updated).to.equal('2005-07-31T12:29:29Z');
    },
  },
  {
    file: 'feed-rs__atom_example_2.xml',
    bytes: 2903,
    format: 'atom',
    read: 2,
    items: 2,
    lang: 'en',
    first: {
      title:
        'Will someone plz dump our shizz on the Moon, NASA begs as one of the space biz vendors drops out',
      url: 'http://go.theregister.com/feed/www.theregister.co.uk/2019/07/31/orbitbeyond_drops_nasa_moon_contract/',
      time: '2019-07-31T11:54:28Z',
      id: 'tag:theregister.co.uk,2005:story204156',
    },
    check: (_, __, doc) => {
      // No content: the html summary is the body (and not also the lead).
      const a = article(doc);
      expect(a.sections[0]!.body).to.match(
        /^<h4>OrbitBeyond begone: Getting to the Moon is <i>hard<\/i><\/h4>/,
      );
      expect(a.lead).to.equal(undefined);
      expect(a.source).to.deep.equal({
        name: 'The Register - Science',
        url: 'https://www.theregister.co.uk/science/',
      });
    },
  },
  {
    file: 'feed-rs__atom_mediarss_youtube_1.xml',
    bytes: 1584,
    format: 'atom',
    read: 1,
    items: 1,
    first: {
      title: 'Navigating with Quantum Entanglement',
      url: 'https://www.youtube.com/watch?v=0A1ouV7iD8o',
      time: '2020-12-22T19:15:01Z',
      id: 'yt:video:0A1ouV7iD8o',
    },
    check: (_, __, doc) => {
      // The flash media:content is not an image; the thumbnail inside media:group is.
      expect(article(doc).image).to.deep.equal({
        src: 'https://i1.ytimg.com/vi/0A1ouV7iD8o/hqdefault.jpg',
        width: 480,
        height: 360,
      });
    },
  },
  {
    file: 'feed-rs__atom_relative.xml',
    bytes: 682,
    format: 'atom',
    read: 1,
    items: 1,
    // No xml:base and no address: the absolute rel=self link resolves "/blog/2003/…".
    first: {
      title: 'Atom-Powered Robots Run Amok',
      url: 'https://example.com/blog/2003/12/13/atom03',
      time: '2003-12-13T18:30:02Z',
      id: 'urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a',
    },
    check: (_, __, doc) => {
      expect(article(doc).sections).to.deep.equal([{ body: 'Some text.', format: 'text' }]);
      expect(article(doc).source).to.deep.equal({
        name: 'Example Feed with Relative URLs',
        url: 'https://example.com/blog/',
      });
    },
  },
  {
    file: 'feed-rs__atom_spec_1.xml',
    bytes: 609,
    format: 'atom',
    read: 1,
    items: 1,
    first: {
      title: 'Atom-Powered Robots Run Amok',
      url: 'http://example.org/2003/12/13/atom03',
      time: '2003-12-13T18:30:02Z',
      id: 'urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a',
    },
    // The entry has no author: the feed's applies.
    check: (_, __, doc) => expect(article(doc).author).to.deep.equal({ name: 'John Doe' }),
  },
  {
    file: 'feed-rs__jsonfeed_example_1.json',
    bytes: 1644,
    format: 'jsonfeed',
    read: 2,
    items: 2,
    first: {
      title: 'How Jeff Bezos’s iPhone X Was Hacked',
      url: 'https://daringfireball.net/linked/2020/01/24/bezos-iphone-x',
      time: '2020-01-24T23:46:57Z',
      id: 'https://daringfireball.net/linked/2020/01/24/bezos-iphone-x',
    },
    check: (_, ticker, doc) => {
      expect(ticker.items[1]!.title).to.equal('Instagram for Windows 95');
      expect(article(doc).sections).to.deep.equal([
        {
          body: '<p>Good summary from The New York Times. Until this week’s news, I don’t believe we knew what type of phone Bezos was using when he was hacked. Now we know: an iPhone X.</p>',
          format: 'html',
        },
      ]);
      expect(article(doc).author).to.deep.equal({ name: 'John Gruber' });
    },
  },
  {
    file: 'feed-rs__jsonfeed_spec_1.json',
    bytes: 1439,
    format: 'jsonfeed',
    read: 1,
    items: 1,
    first: {
      title: 'Announcing JSON Feed',
      url: 'https://jsonfeed.org/2017/05/17/announcing_json_feed',
      time: '2017-05-17T15:02:12Z',
      id: 'https://jsonfeed.org/2017/05/17/announcing_json_feed',
    },
    // No item author: the feed's.
    check: (_, __, doc) =>
      expect(article(doc).author).to.deep.equal({
        name: 'Brent Simmons and Manton Reece',
        url: 'https://jsonfeed.org/',
      }),
  },
  {
    file: 'feed-rs__rss_0.91_spec_1.xml',
    bytes: 1553,
    format: 'rss',
    read: 2,
    items: 2,
    lang: 'en-us',
    first: {
      title: 'Giving the world a pluggable Gnutella',
      url: 'http://writetheweb.com/read.php?item=24',
      id: 'http://writetheweb.com/read.php?item=24',
    },
  },
  {
    file: 'feed-rs__rss_0.92_spec_1.xml',
    bytes: 2141,
    format: 'rss',
    read: 3,
    items: 0,
    check: (feed, _, doc) => {
      // Items without a title are read but never shown, and never given an invented one.
      expect(feed.items.map((item) => item.title)).to.deep.equal([undefined, undefined, undefined]);
      expect(body(feed)).to.match(
        /^Kevin Drennan started a <a href="http:\/\/deadend\.editthispage\.com\/">Grateful\s+Dead Weblog<\/a>/,
      );
      // A feed with no shown items is the article's empty state, not an error.
      expect(article(doc)).to.deep.include({ title: '', sections: [] });
    },
  },
  {
    file: 'feed-rs__rss_1.0_debian.xml',
    bytes: 1562,
    format: 'rdf',
    read: 1,
    items: 1,
    lang: 'en',
    // dc:date with a date only.
    first: {
      title: 'Updated Debian 11: 11.6 released',
      url: 'https://www.debian.org/News/2022/20221217',
      time: '2022-12-17T00:00:00Z',
      id: 'https://www.debian.org/News/2022/20221217',
    },
  },
  {
    file: 'feed-rs__rss_1.0_example_1.xml',
    bytes: 1278,
    format: 'rdf',
    read: 2,
    items: 2,
    lang: 'ja',
    // The "link" is Japanese placeholder text: a relative URL, resolved against the channel link.
    first: {
      title: '記事1のタイトル',
      url: 'http://www.example.com/%E8%A8%98%E4%BA%8B1%E3%81%AEURL',
      time: '2017-06-13T09:00:00Z',
      id: '記事1のURL',
    },
    check: (_, ticker, doc) => {
      expect(ticker.items[1]!.time, 'truncated offset +00:0').to.equal('2017-06-13T03:18:00Z');
      expect(article(doc).author).to.deep.equal({ name: '記事1の作者名' });
    },
  },
  {
    file: 'feed-rs__rss_1.0_spec_1.xml',
    bytes: 2175,
    format: 'rdf',
    read: 2,
    items: 2,
    first: {
      title: 'Processing Inclusions with XSLT',
      url: 'http://xml.com/pub/2000/08/09/xslt/xslt.html',
      id: 'http://xml.com/pub/2000/08/09/xslt/xslt.html',
    },
    check: (_, ticker) => expect(ticker.items[1]!.title).to.equal('Putting RDF to Work'),
  },
  {
    file: 'feed-rs__rss_2.0_anchorfm.xml',
    bytes: 4158,
    format: 'rss',
    read: 1,
    items: 1,
    lang: 'en',
    first: {
      title: 'Advocating for our children',
      url: 'https://podcasters.spotify.com/pod/show/lisa-mccoy/episodes/Advocating-for-our-children-e1oq9fb',
      time: '2023-02-08T20:34:49Z',
      id: '2fea9218-f154-47be-a501-0a78ea2f36f8',
    },
    // CDATA around the channel title (curly apostrophe kept).
    check: (feed) => expect(feed.title).to.equal('It’s Not Always Special'),
  },
  {
    file: 'feed-rs__rss_2.0_bbc.xml',
    bytes: 3575,
    format: 'rss',
    read: 1,
    items: 1,
    lang: 'en',
    first: {
      title: 'Marcus Aurelius',
      url: 'http://www.bbc.co.uk/programmes/m000sjxt',
      time: '2021-02-25T10:15:00Z',
      id: 'urn:bbc:podcast:m000sjxt',
    },
  },
  {
    file: 'feed-rs__rss_2.0_cloudflare.xml',
    bytes: 27645,
    format: 'rss',
    read: 1,
    items: 1,
    first: {
      title: 'Privacy-Preserving Compromised Credential Checking',
      url: 'https://blog.cloudflare.com/privacy-preserving-compromised-credential-checking/',
      time: '2021-10-14T12:59:53Z',
      id: '6166e7e065133e02a961145d',
    },
    check: (_, __, doc) => {
      // content:encoded is the body, the description the lead.
      const a = article(doc);
      expect(a.lead).to.equal(
        'Announcing a public demo and open-sourced implementation of a privacy-preserving compromised credential checking service',
      );
      expect(a.sections[0]!.body).to.have.length.above(25000);
      expect(a.author).to.deep.equal({ name: 'Luke Valenta' });
      expect(a.tags).to.deep.equal(['Research', 'Security', 'Product News']);
      expect(a.image).to.deep.equal({
        src: 'https://blog.cloudflare.com/content/images/2021/10/image6-15.png',
      });
    },
  },
  {
    file: 'feed-rs__rss_2.0_example_2.xml',
    bytes: 2060,
    format: 'rss',
    read: 1,
    items: 1,
    lang: 'en-us',
    // A link wrapped in whitespace; "16:15 EDT" without seconds.
    first: {
      title: 'NASA Television to Broadcast Space Station Departure of Cygnus Cargo Ship',
      url: 'http://www.nasa.gov/press-release/nasa-television-to-broadcast-space-station-departure-of-cygnus-cargo-ship',
      time: '2019-08-01T20:15:00Z',
      id: 'http://www.nasa.gov/press-release/nasa-television-to-broadcast-space-station-departure-of-cygnus-cargo-ship',
    },
    check: (_, __, doc) => expect(article(doc).image?.src).to.match(/47616261882_4bb534d293_k\.jpg/),
  },
  {
    file: 'feed-rs__rss_2.0_example_5.xml',
    bytes: 2599,
    format: 'rss',
    read: 1,
    items: 1,
    lang: 'en-US',
    first: {
      title: 'Apple isn’t the most cash-rich company in the world anymore, but it doesn’t matter',
      url: 'https://arstechnica.com/?p=1546121',
      time: '2019-08-05T23:11:09Z',
      id: 'https://arstechnica.com/?p=1546121',
    },
    check: (_, __, doc) => {
      expect(article(doc).lead).to.equal('Alphabet has $117 billion in cash on hand.');
      expect(article(doc).tags).to.deep.equal(['Tech', 'alphabet', 'apple', 'google']);
    },
  },
  {
    file: 'feed-rs__rss_2.0_ilgiornale.xml',
    bytes: 1592,
    format: 'rss',
    read: 1,
    items: 1,
    lang: 'it',
    first: {
      title: "Arrestato in Pakistan Shabbar Abbas. In Italia è accusato per l'omicidio di Saman",
      url: 'https://www.ilgiornale.it/news/cronaca-nera/caso-saman-abbas-arrestato-pakistan-padre-shabbar-2085649.html',
      time: '2022-11-15T20:15:04Z',
      id: 'https://www.ilgiornale.it/news/cronaca-nera/caso-saman-abbas-arrestato-pakistan-padre-shabbar-2085649.html',
    },
    // "redazione@ilgiornale-web.it (Angela Leucci)": the name, not the address.
    check: (_, __, doc) => expect(article(doc).author).to.deep.equal({ name: 'Angela Leucci' }),
  },
  {
    file: 'feed-rs__rss_2.0_relurl_1.xml',
    bytes: 2158,
    format: 'rss',
    read: 2,
    items: 2,
    lang: 'en-US',
    first: {
      title: 'Pareto-optimal compression',
      url: 'https://insanity.industries/post/pareto-optimal-compression/',
      time: '2021-03-02T22:39:15Z',
      id: 'https://insanity.industries/post/pareto-optimal-compression/',
    },
    check: (_, __, doc) => {
      // The description holds inline markup (not escaped): it is kept as markup, then read as text for the lead.
      expect(article(doc).lead).to.equal(
        'Everyone wants good compression. But what exactly is good compression? Time for a closer look.',
      );
      expect(article(doc).author).to.deep.equal({ name: 'Jonas Große Sundrup' });
    },
  },
  {
    file: 'feed-rs__rss_2.0_spec_1.xml',
    bytes: 2063,
    format: 'rss',
    read: 2,
    items: 0,
    lang: 'en-us',
    check: (feed) => {
      expect(feed.title).to.equal('Scripting News');
      // A guid that is a URL is the link.
      expect(feed.items[0]!.url).to.equal(
        'http://scriptingnews.userland.com/backissues/2002/09/29#When:12:59:01PM',
      );
    },
  },
  {
    file: 'feed-rs__rss_2.0_spiegel.xml',
    bytes: 5589,
    format: 'rss',
    read: 1,
    items: 1,
    lang: 'de',
    first: {
      title:
        '07.02. – die Wochenvorschau: Lockdown-Verlängerung, Kriegsverbrecher vor Gericht, Super Bowl, Karneval',
      url: 'https://omny.fm/shows/spiegel-update-die-nachrichten/07-02-die-wochenvorschau-lockdown-verl-ngerung-kri',
      time: '2021-02-06T23:01:00Z',
      id: 'c7e3cca2-665e-4bc4-bcac-acc6011b9fa2',
    },
    check: (feed) => expect(feed.title).to.equal('SPIEGEL Update – Die Nachrichten'),
  },
  {
    file: 'feed-rs__rss_2.0_wirecutter.xml',
    bytes: 8579,
    format: 'rss',
    read: 1,
    items: 1,
    lang: 'en-US',
    first: {
      title: 'How to Teach Someone a Board Game (and Even Have Fun Doing It)',
      url: 'https://www.nytimes.com/wirecutter/blog/how-to-teach-someone-a-board-game/?utm_source=rss&utm_medium=feed&utm_campaign=RSS%20Feed',
      time: '2022-09-20T11:00:17Z',
      id: 'https://www.nytimes.com/wirecutter/?p=270973',
    },
    check: (_, __, doc) => expect(article(doc).author).to.deep.equal({ name: 'James Austin' }),
  },
  {
    file: 'frontity__aioseop-4-post-schema.jsonld',
    bytes: 3232,
    format: 'jsonld',
    read: 1,
    items: 1,
    lang: 'en-US',
    // Only the Article of the @graph is news (not the BreadcrumbList); its url comes from mainEntityOfPage.
    first: {
      title: 'Hello world!',
      url: 'http://my.frontity.site/hello-world/',
      time: '2020-08-20T01:31:05Z',
      id: 'http://my.frontity.site/hello-world/#article',
    },
    check: (_, __, doc) => {
      const a = article(doc);
      expect(a.author, '@id reference').to.deep.equal({
        name: 'admin',
        url: 'http://my.frontity.site/author/admin/',
      });
      expect(a.source).to.deep.equal({ name: 'Test WP Site', url: 'http://my.frontity.site/' });
      expect(a.kicker).to.equal('Uncategorized');
      expect(a.updated).to.equal('2020-08-31T13:42:07Z');
      expect(a.lang, 'inLanguage of its WebPage').to.equal('en-US');
    },
  },
  {
    file: 'frontity__post-60.json',
    bytes: 46786,
    format: 'wordpress',
    read: 1,
    items: 1,
    first: {
      title: 'The Beauties of Gullfoss',
      url: 'https://demo.worona.org/the-beauties-of-gullfoss/',
      time: '2016-11-25T18:31:11Z',
      id: '60',
    },
    check: (_, __, doc) => {
      const a = article(doc);
      expect(a.lead).to.equal(
        'Gullfoss is a waterfall located in the canyon of the Hvítá river in southwest Iceland.',
      );
      expect(a.kicker).to.equal('Photography');
      expect(a.tags).to.deep.equal(['Gullfoss', 'Iceland', 'Nature', 'Waterfall']);
      expect(a.author).to.deep.equal({ name: 'Alan Martin', url: 'https://demo.worona.org/author/alan/' });
      expect(a.image).to.deep.equal({
        src: 'https://demo.worona.org/wp-content/uploads/2016/11/Iceland-test.jpg',
        alt: 'iceland',
        width: 5000,
        height: 3025,
      });
      expect(a.updated).to.equal('2018-03-22T17:09:55Z');
      expect(a.sections[0]!.format).to.equal('html');
      expect(a.sections[0]!.body).to.match(/^<p>Gullfoss is a waterfall/);
    },
  },
  {
    file: 'frontity__posts-from-category-7.json',
    bytes: 88343,
    format: 'wordpress',
    read: 5,
    items: 5,
    first: {
      title: 'Shinjuku Gyoen National Garden',
      url: 'https://demo.worona.org/shinjuku-gyoen-national-garden/',
      time: '2016-10-25T18:25:24Z',
      id: '57',
    },
    check: (_, ticker, doc) => {
      expect(ticker.items.map((item) => item.id)).to.deep.equal(['57', '54', '42', '36', '33']);
      expect(article(doc, '42').title, 'the item attribute picks by id').to.equal('Kebumen City');
      expect(article(doc, 'https://demo.worona.org/banff-national-park/').title, 'or by url').to.equal(
        'Banff National Park',
      );
      expect(() => article(doc, '999')).to.throw(DataError, 'the feed has no item "999"');
    },
  },
  {
    file: 'gofeed__atom03_feed.xml',
    bytes: 125,
    format: 'atom',
    read: 0,
    items: 0,
    check: (feed) => expect(feed.title, 'Atom 0.3 namespace').to.equal('Feed Title'),
  },
  {
    file: 'gofeed__atom10_feed_entry_content_base64.xml',
    bytes: 189,
    format: 'atom',
    read: 1,
    items: 0,
    // base64 content is not shown (nor decoded into a body).
    check: (feed) => expect(feed.items[0]!.article().sections).to.deep.equal([]),
  },
  {
    file: 'gofeed__atom10_feed_entry_title_xhtml_inline_markup.xml',
    bytes: 226,
    format: 'atom',
    read: 1,
    items: 1,
    first: { title: 'Entry Title' },
  },
  { file: 'gofeed__atom10_feed_xml_lang.xml', bytes: 102, format: 'atom', read: 0, items: 0, lang: 'en' },
  {
    file: 'gofeed__issue_305_bare_ampersand.xml',
    bytes: 213,
    format: 'rss',
    read: 0,
    items: 0,
    // Not well-formed (a bare &): recovered, and the entities after it still decode.
    check: (feed) => expect(feed.title).to.equal('Fish & Chips & more <3'),
  },
  {
    file: 'gofeed__rss_channel_item_description_mixed_cdata.xml',
    bytes: 315,
    format: 'rss',
    read: 1,
    items: 1,
    first: { title: 'i' },
    check: (_, __, doc) =>
      expect(article(doc).sections).to.deep.equal([
        { body: 'Breaking: <b>Big News</b> today', format: 'html' },
      ]),
  },
  {
    file: 'gofeed__rss_channel_item_title_cdata_escaped_markup.xml',
    bytes: 198,
    format: 'rss',
    read: 1,
    items: 1,
    first: { title: 'Item Title' },
  },
  {
    file: 'gofeed__rss_channel_item_title_escaped_markup.xml',
    bytes: 180,
    format: 'rss',
    read: 1,
    items: 1,
    first: { title: 'Item Title' },
  },
  {
    file: 'gofeed__rss_feed_bom.xml',
    bytes: 137,
    format: 'rss',
    read: 0,
    items: 0,
    check: (feed) => expect(feed.title).to.equal('Feed Title'),
  },
  {
    file: 'gofeed__version_json_10.json',
    bytes: 1519,
    format: 'jsonfeed',
    read: 1,
    items: 1,
    first: { title: 'title', url: 'https://sample-json-feed.com/id', time: '2019-10-12T07:20:50Z', id: 'id' },
    check: (_, __, doc) => {
      const a = article(doc);
      expect(a.lead).to.equal('summary');
      expect(a.sections).to.deep.equal([{ body: '<p>content_html</p>', format: 'html' }]);
      expect(a.author).to.deep.equal({ name: 'author_name', url: 'https://sample-feed-author.com/' });
      expect(a.image).to.deep.equal({ src: 'https://sample-json-feed.com/image.png' });
      expect(a.tags).to.deep.equal(['tag1', 'tag2']);
    },
  },
  {
    file: 'gofeed__version_json_11.json',
    bytes: 1414,
    format: 'jsonfeed',
    read: 1,
    items: 1,
    first: { title: 'title', url: 'https://sample-json-feed.com/id', time: '2019-10-12T07:20:50Z', id: 'id' },
    check: (_, __, doc) => expect(article(doc).updated).to.equal('2019-10-12T07:20:50Z'),
  },
  { file: 'gofeed__version_rss_missing.xml', bytes: 35, format: 'rss', read: 0, items: 0 },
  { file: 'newspaper__arabic.txt', bytes: 4153, error: /is neither JSON nor a feed/ },
  {
    file: 'node-feedparser__category-feed.xml',
    bytes: 1729,
    format: 'rss',
    read: 1,
    items: 1,
    lang: 'en-us',
    first: {
      title: 'E.P.A. Plan to Clean Up Gowanus Canal Meets Local Resistance',
      url: 'http://www.nytimes.com/2013/05/06/nyregion/epa-plan-to-clean-up-gowanus-canal-meets-local-resistance.html?partner=rss&emc=rss',
      time: '2013-05-05T17:15:11Z',
      id: 'http://www.nytimes.com/2013/05/06/nyregion/epa-plan-to-clean-up-gowanus-canal-meets-local-resistance.html?partner=rss&emc=rss',
    },
    check: (feed, _, doc) => {
      expect(feed.title).to.equal('NYT > Home Page');
      expect(article(doc).tags).to.deep.equal(['Water Pollution', 'Gowanus Canal (Brooklyn, NY)']);
    },
  },
  {
    file: 'node-feedparser__guid-dupes.xml',
    bytes: 2698,
    format: 'rss',
    read: 1,
    items: 1,
    lang: 'en-us',
    first: {
      title: 'Huh?',
      url: 'http://www.braingle.com/50366.html',
      time: '2014-06-19T06:00:00Z',
      id: 'http://www.braingle.com/50366.html',
    },
  },
  {
    file: 'node-feedparser__intertwingly.atom',
    bytes: 48282,
    format: 'atom',
    read: 20,
    items: 20,
    first: {
      title: 'Inhibiting Suspend',
      url: 'http://intertwingly.net/blog/2012/07/16/Inhibiting-Suspend',
      time: '2012-07-16T15:48:01Z',
      id: 'tag:intertwingly.net,2004:3299',
    },
    check: (_, __, doc) => expect(article(doc).sections[0]!.body).to.match(/^<svg style="float:right"/),
  },
  {
    file: 'node-feedparser__mediacontent-dupes.xml',
    bytes: 3051,
    format: 'rss',
    read: 1,
    items: 1,
    lang: 'en-gb',
    first: {
      title:
        'Could the infamous Black Dahlia case be about to be solved? Cadaver dog discovers death scent at Hollywood home of suspect 66 years after the horrific murder',
      url: 'http://www.dailymail.co.uk/news/article-2272640/Could-infamous-Black-Dahlia-case-solved-Cadaver-dog-discovers-death-scent-Hollywood-home-suspect-66-years-horrific-murder.html?ITO=1490&ns_mchannel=rss&ns_campaign=1490',
      time: '2013-02-03T04:13:03Z',
      id: 'http://www.dailymail.co.uk/news/article-2272640/Could-infamous-Black-Dahlia-case-solved-Cadaver-dog-discovers-death-scent-Hollywood-home-suspect-66-years-horrific-murder.html?ITO=1490&ns_mchannel=rss&ns_campaign=1490',
    },
    // Of two enclosures the image one.
    check: (_, __, doc) =>
      expect(article(doc).image).to.deep.equal({
        src: 'http://i.mol.im/i/pix/2013/02/03/article-2272640-174FCEE2000005DC-697_154x115.jpg',
      }),
  },
  {
    file: 'node-feedparser__nondefaultnamespace.atom',
    bytes: 1348,
    format: 'atom',
    read: 1,
    items: 1,
    // <a:feed>: found by namespace, not by tag name.
    first: {
      title: 'If you can read the content of this entry, your aggregator works fine.',
      url: 'http://example.org/tests/namespace/result.html',
      time: '2006-01-18T11:26:54Z',
      id: 'urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a',
    },
    check: (_, __, doc) => {
      const html = article(doc).sections[0]!.body;
      expect(html).to.match(/^<p>For information, see:<\/p>/);
      expect(html).not.to.include('xmlns');
    },
  },
  {
    file: 'node-feedparser__rss-with-item-scoped-html-base.xml',
    bytes: 588,
    format: 'rss',
    read: 2,
    items: 2,
    first: { title: 'First', url: 'https://example.com/first/first', id: 'https://example.com/first/first' },
    check: (feed, ticker) => {
      // One item's xml:base does not leak to the next.
      expect(body(feed, 0)).to.equal('<p><a href="https://example.com/first/post">First</a></p>');
      expect(body(feed, 1)).to.equal('<p><a href="https://example.com/post">Second</a></p>');
      expect(ticker.items[1]!.url).to.equal('https://example.com/second');
    },
  },
  {
    file: 'node-feedparser__rss-with-relative-html-urls.xml',
    bytes: 594,
    format: 'rss',
    read: 1,
    items: 1,
    first: {
      title: 'Post',
      url: 'https://example.com/posts/posts/post-1',
      id: 'https://example.com/posts/posts/post-1',
    },
    // Every kind of link in the body, resolved against the item's xml:base.
    check: (feed) =>
      expect(body(feed)).to.equal(
        '<p><a href="https://example.com/posts/post-1">Read</a><a href="https://example.com/posts/post-1#comments">Comments</a><img src="https://example.com/images/post-1.png" srcset="https://example.com/posts/small.png 480w, https://example.com/large.png 2x"><video poster="https://example.com/posts/poster.png"></video></p>',
      ),
  },
  {
    file: 'node-feedparser__rss-with-relative-urls.xml',
    bytes: 4432,
    format: 'rss',
    read: 2,
    items: 2,
    lang: 'en-US',
    // Relative links and nothing absolute to resolve them against: left relative (see the baseUrl test).
    first: {
      title: 'Neverwinter & Jingle Jam Humble Bundle!',
      url: '/en/games/neverwinter/news/detail/10743874-neverwinter-%26-jingle-jam-humble-bundle%21',
      time: '2017-12-07T18:00:29Z',
      id: 'http://www.arcgames.com/en/games/PAB_nw/news/detail/10743874',
    },
    check: (_, ticker) => expect(ticker.items[1]!.time, 'two-digit year').to.equal('2017-12-07T15:00:00Z'),
  },
  {
    file: 'node-feedparser__rss-with-trailing-meta.xml',
    bytes: 462,
    format: 'rss',
    read: 1,
    items: 1,
    first: { title: 'First item', url: 'https://example.com/items/1', id: 'https://example.com/items/1' },
  },
  {
    file: 'node-feedparser__rss2sample.xml',
    bytes: 2582,
    format: 'rss',
    read: 4,
    items: 3,
    lang: 'en-us',
    first: {
      title: 'Star City',
      url: 'http://liftoff.msfc.nasa.gov/news/2003/news-starcity.asp',
      time: '2003-06-03T09:39:21Z',
      id: 'http://liftoff.msfc.nasa.gov/2003/06/03.html#item573',
    },
    check: (_, ticker, doc) => {
      expect(ticker.items.map((item) => item.title)).to.deep.equal([
        'Star City',
        'The Engine That Does More',
        "Astronauts' Dirty Laundry",
      ]);
      expect(article(doc).author).to.deep.equal({ name: 'Writer' });
      expect(article(doc).sections[0]!.body).to.include(
        '<a href="http://howe.iki.rssi.ru/GCTC/gctc_e.htm">Star City</a>',
      );
    },
  },
  {
    file: 'node-feedparser__tpm.atom',
    bytes: 81644,
    format: 'atom',
    read: 20,
    items: 20,
    lang: 'en-US',
    first: {
      title: 'Hannity Announces Fox Has Hired Sebastian Gorka As NatSec Strategist',
      url: 'http://talkingpointsmemo.com/livewire/hannity-announces-fox-hired-sebastian-gorka-national-security-strategist',
      time: '2017-11-08T23:15:58Z',
      id: 'tag:talkingpointsmemo.com,2005:ArticleDecorator/270060',
    },
  },
  {
    file: 'node-feedparser__wapowellness.xml',
    bytes: 130791,
    format: 'rss',
    read: 29,
    items: 29,
    lang: 'en',
    first: {
      title: 'Schools minister to kids’ fitness and nutrition needs',
      url: 'http://feeds.washingtonpost.com/click.phdo?i=cc0c5fb09865354bbec8415210a554da',
      time: '2012-08-21T15:33:00Z',
      id: 'http://www.washingtonpost.com/lifestyle/wellness/schools-minister-to-kids-fitness-and-nutrition-needs/2012/08/21/0ca90d46-e6eb-11e1-936a-b801f1abab19_story.html?wprss=rss_wellness',
    },
    check: (feed) =>
      expect(feed.title).to.equal('Wellness: Health, Fitness, Nutrition & More - The Washington Post'),
  },
  {
    file: 'py-feedparser__8217.xml',
    bytes: 151,
    format: 'rss',
    read: 0,
    items: 0,
    // Ends with "</rss" (no ">"): closed, and the character reference decodes.
    check: (feed) => expect(feed.title).to.equal('testing ’ entity'),
  },
  {
    file: 'py-feedparser__demoronize-1.xml',
    bytes: 271,
    format: 'rss',
    read: 1,
    items: 0,
    // U+0092, a C1 control (the file holds C2 92, not the raw 0x92 its README describes), is
    // the windows-1252 apostrophe it stands for. The raw byte is tested in decode.test.ts.
    check: (feed) => expect(body(feed)).to.equal('don’t'),
  },
  {
    file: 'py-feedparser__double-encoded-html.xml',
    bytes: 285,
    format: 'rss',
    read: 1,
    items: 0,
    // &#226;&#128;&#166; is "…" encoded as UTF-8, read as Latin-1: repaired.
    check: (feed) => expect(body(feed)).to.equal('…'),
  },
  {
    file: 'py-feedparser__hellip.xml',
    bytes: 155,
    format: 'rss',
    read: 0,
    items: 0,
    // &hellip; is an HTML entity, undefined in XML: recovered.
    check: (feed) => expect(feed.title).to.equal('testing … entity'),
  },
  {
    file: 'py-feedparser__rss_item_link_corrupted_ampersands.xml',
    bytes: 246,
    format: 'rss',
    read: 1,
    items: 0,
    check: (feed) => expect(feed.items[0]!.url).to.equal('http://link/get?a=1&b=2'),
  },
  { file: 'py-feedparser__utf-16le-bom.xml', bytes: 470, format: 'rss', read: 0, items: 0 },
  { file: 'py-feedparser__utf-8-bom.xml', bytes: 213, format: 'rss', read: 0, items: 0 },
  {
    file: 'rss-parser__content-encoded.rss',
    bytes: 40756,
    format: 'rss',
    read: 7,
    items: 7,
    first: {
      title: 'THE CREATIVE FORAGER',
      url: 'https://medium.com/invironment/the-creative-forager-125af37d838f?source=rss----d12c403d4976--food',
      time: '2018-04-09T18:55:38Z',
      id: 'https://medium.com/p/125af37d838f',
    },
    check: (_, __, doc) =>
      expect(article(doc).sections[0]!.body).to.match(
        /^<h4>Using Wild Ingredients in the&nbsp;Kitchen<\/h4><figure><img alt="" src="https:\/\/cdn-images-1\.medium\.com\//,
      ),
  },
  {
    file: 'rss-parser__craigslist.rss',
    bytes: 32206,
    format: 'rdf',
    read: 25,
    items: 25,
    lang: 'en-us',
    // A CDATA title holding HTML: <sup>2</sup> becomes 2, &#x0024; becomes $.
    first: {
      title: 'Bright, Spacious Beautiful Victorian (oakland north / temescal) $4300 3bd 1930ft2',
      url: 'http://sfbay.craigslist.org/eby/apa/6186664607.html',
      time: '2017-06-21T17:33:10Z',
      id: 'http://sfbay.craigslist.org/eby/apa/6186664607.html',
    },
  },
  {
    file: 'rss-parser__customfields.rss',
    bytes: 51396,
    format: 'rss',
    read: 15,
    items: 15,
    lang: 'kn',
    first: {
      title: 'ISUZU launches the ‘mu-X’ premium full-size 7 seater SUV in Bengaluru',
      url: 'http://www.varthabharati.in/article/english/74450',
      time: '2017-05-19T15:35:02Z',
      id: 'http://www.varthabharati.in/article/english/74450',
    },
    // A CDATA title padded with whitespace and newlines.
    check: (feed) => expect(feed.title).to.equal("Varthabharathi : Kanrnataka's Leading Kannada News Portal"),
  },
  {
    file: 'rss-parser__feedburner.atom',
    bytes: 149725,
    format: 'atom',
    read: 25,
    items: 25,
    first: {
      title: 'AdWords and DFP Java client library will soon require Java 7+',
      url: 'http://feedproxy.google.com/~r/blogspot/lQlzL/~3/Zjf41PDVLAc/adwords-and-dfp-java-client-library.html',
      time: '2016-06-03T14:38:00Z',
      id: 'tag:blogger.com,1999:blog-7815614485808579332.post-8394866751819460570',
    },
  },
  {
    file: 'rss-parser__guardian.rss',
    bytes: 151464,
    format: 'rss',
    read: 55,
    items: 55,
    lang: 'en-gb',
    first: {
      title: 'Trump State of the Union address promised unity but emphasized discord',
      url: 'https://www.theguardian.com/us-news/2018/jan/31/donald-trump-state-of-the-union-address-unity-discord',
      time: '2018-01-31T07:26:05Z',
      id: 'https://www.theguardian.com/us-news/2018/jan/31/donald-trump-state-of-the-union-address-unity-discord',
    },
    check: (_, __, doc) => {
      expect(article(doc).author).to.deep.equal({ name: 'David Smith in Washington' });
      expect(article(doc).image?.width).to.equal(140);
    },
  },
  {
    file: 'rss-parser__gulp-atom.atom',
    bytes: 5179,
    format: 'atom',
    read: 10,
    items: 10,
    lang: 'en-US',
    first: {
      title: 'v3.9.0',
      url: 'https://github.com/gulpjs/gulp/releases/tag/v3.9.0',
      time: '2015-06-01T21:49:41Z',
      id: 'tag:github.com,2008:Repository/11167738/v3.9.0',
    },
  },
  {
    file: 'rss-parser__heise.atom',
    bytes: 21550,
    format: 'atom',
    read: 15,
    items: 15,
    first: {
      title: 'Java-Anwendungsserver: Red Hat gibt WildFly 10 frei',
      url: 'http://www.heise.de/developer/meldung/Java-Anwendungsserver-Red-Hat-gibt-WildFly-10-frei-3088438.html?wt_mc=rss.developer.beitrag.atom',
      time: '2016-02-01T16:22:00Z',
      id: 'http://heise.de/-3088438',
    },
    check: (_, __, doc) => {
      // Both summary and content: the summary is the lead, the content the body.
      expect(article(doc).lead).to.match(/^Die nun verfügbare Version 10 des Enterprise-Java-Servers/);
      expect(article(doc).sections[0]!.body).to.match(
        /^<a href="http:\/\/www\.heise\.de\/developer\/meldung\//,
      );
    },
  },
  {
    file: 'rss-parser__heraldsun.rss',
    bytes: 1424,
    format: 'rss',
    read: 2,
    items: 2,
    lang: 'en-gb',
    first: {
      title: 'The First Item',
      url: 'http://www.oreilly.com/example/001.html',
      id: 'http://www.oreilly.com/example/001.html',
    },
    // The item's <source> names where it came from.
    check: (_, __, doc) =>
      expect(article(doc).source).to.deep.equal({
        name: 'Another Site',
        url: 'http://www.anothersite.com/index.xml',
      }),
  },
  {
    file: 'rss-parser__incomplete-fields.atom',
    bytes: 194,
    format: 'atom',
    read: 1,
    items: 0,
    lang: 'en-US',
  },
  {
    file: 'rss-parser__instant-article.rss',
    bytes: 898,
    format: 'rss',
    read: 1,
    items: 1,
    lang: 'en',
    first: {
      title: 'My first Instant Article',
      url: 'https://localhost:8000/',
      time: '2016-05-04T06:53:45Z',
      id: 'https://localhost:8000',
    },
    check: (_, __, doc) => {
      expect(article(doc).sections).to.deep.equal([{ body: '<b>Lorem</b> ipsum', format: 'html' }]);
      expect(article(doc).lead).to.equal('Lorem ipsum');
      expect(article(doc).author).to.deep.equal({ name: 'tobi' });
    },
  },
  {
    file: 'rss-parser__many-links.rss',
    bytes: 288396,
    format: 'atom',
    read: 25,
    items: 25,
    // Five links per entry: the rel=alternate one.
    first: {
      title: 'Code Health: Providing Context with Commit Messages and Bug Reports',
      url: 'http://feedproxy.google.com/~r/blogspot/RLXA/~3/lTnHFI_mRTg/code-health-providing-context-with.html',
      time: '2017-09-11T21:01:00Z',
      id: 'tag:blogger.com,1999:blog-15045980.post-8046216467923860328',
    },
  },
  {
    file: 'rss-parser__missing-fields.atom',
    bytes: 232,
    format: 'atom',
    read: 1,
    items: 0,
    lang: 'en-US',
    check: (feed) => expect(feed.items[0]!.id).to.equal('tag:github.com,2008:Repository/11167738/v3.9.0'),
  },
  {
    file: 'rss-parser__narro.rss',
    bytes: 2659,
    format: 'rss',
    read: 1,
    items: 1,
    lang: 'en',
    // "UTC" as the zone; an author that is only an e-mail address is not shown.
    first: {
      title: 'FAQ for Narro',
      url: 'https://www.narro.co/article/54e703933058540300000069',
      time: '2015-02-20T09:51:15Z',
      id: 'https://www.narro.co/article/54e703933058540300000069',
    },
    check: (_, __, doc) => expect(article(doc).author).to.equal(undefined),
  },
  {
    file: 'rss-parser__reddit-home.rss',
    bytes: 33834,
    format: 'atom',
    read: 24,
    items: 24,
    first: {
      title: 'How the British as seen by Americans and Europeans',
      url: 'https://www.reddit.com/r/funny/comments/42tizy/how_the_british_as_seen_by_americans_and_europeans/',
      time: '2016-01-26T20:31:34Z',
      id: 't3_42tizy',
    },
  },
  {
    file: 'rss-parser__reddit.rss',
    bytes: 34895,
    format: 'rss',
    read: 24,
    items: 24,
    first: {
      title: 'The water is too deep, so he improvises',
      url: 'https://www.reddit.com/r/funny/comments/3skxqc/the_water_is_too_deep_so_he_improvises/',
      time: '2015-11-12T21:16:39Z',
      id: 'https://www.reddit.com/r/funny/comments/3skxqc/the_water_is_too_deep_so_he_improvises/',
    },
  },
  {
    file: 'rss-parser__rss-1.rss',
    bytes: 74242,
    format: 'rdf',
    read: 69,
    items: 69,
    first: {
      title: 'Food for fungi',
      url: 'http://science.sciencemag.org/cgi/content/short/356/6343/1134-a?rss=1',
      time: '2017-06-15T17:29:47Z',
      id: 'http://science.sciencemag.org/cgi/content/short/356/6343/1134-a?rss=1',
    },
    // An empty description is no section.
    check: (_, __, doc) => expect(article(doc).sections).to.deep.equal([]),
  },
];

/** The bytes of a corpus file, exactly as on disk. */
async function corpus(file: string, size: number): Promise<{ bytes: Uint8Array; type: string | null }> {
  const response = await fetch(CORPUS + file);
  expect(response.status, `${file} is served`).to.equal(200);
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect(bytes.length, `${file} arrives byte for byte`).to.equal(size);
  return { bytes, type: response.headers.get('content-type') };
}

function formatOf(doc: unknown): Format | undefined {
  if (doc instanceof Document) {
    const name = doc.documentElement.localName;
    return name === 'feed' ? 'atom' : name === 'RDF' ? 'rdf' : name === 'rss' ? 'rss' : undefined;
  }
  const first: unknown = Array.isArray(doc) ? doc[0] : doc;
  if (isWordPressPost(first)) return 'wordpress';
  if (isJsonLd(first)) return 'jsonld';
  if (isJsonFeed(doc as Record<string, unknown>)) return 'jsonfeed';
  return undefined;
}

function adapter(doc: unknown): Feed {
  switch (formatOf(doc)) {
    case 'atom':
      return readAtom(doc as Document);
    case 'rss':
    case 'rdf':
      return readRss(doc as Document);
    case 'wordpress':
      return readWordPress(doc);
    case 'jsonld':
      return readJsonLd(doc);
    case 'jsonfeed':
      return readJsonFeed(doc as Record<string, unknown>);
    default:
      throw new Error('not a feed');
  }
}

describe('feed corpus', () => {
  it('covers every file of the corpus', async () => {
    const readme = await (await fetch(`${CORPUS}README.md`)).text();
    const listed = [...readme.matchAll(/^\| `([^`]+__[^`]+)` \|/gm)].map((m) => m[1]);
    expect(listed).to.have.length(73);
    expect(rows.map((row) => row.file)).to.have.members(listed);
  });

  for (const row of rows) {
    it(row.file, async () => {
      const { bytes, type } = await corpus(row.file, row.bytes);
      if (row.error) {
        expect(() => parseBytes(bytes, type, row.file)).to.throw(DataError, row.error);
        return;
      }
      const doc = parseBytes(bytes, type, '');
      expect(formatOf(doc), 'detected format').to.equal(row.format);
      const feed = adapter(doc);
      expect(feed.items, 'items read').to.have.length(row.read!);
      const ticker = toTicker(doc);
      expect(ticker.items, 'ticker items').to.have.length(row.items!);
      expect(ticker.lang, 'language').to.equal(row.lang);
      expect(ticker.items[0], 'first item').to.deep.equal(row.first);
      if (ticker.items.length) expect(toArticle(doc).title).to.equal(row.first!.title);
      else expect(toArticle(doc), 'the empty state').to.deep.include({ title: '', sections: [] });
      row.check?.(feed, ticker, doc);
    });
  }

  it('resolves relative links against the address a feed was fetched from', async () => {
    const { bytes } = await corpus('node-feedparser__rss-with-relative-urls.xml', 4432);
    const base = 'http://www.arcgames.com/en/games/neverwinter/news/rss';
    const ticker = toTicker(parseBytes(bytes, null, base), base);
    expect(ticker.items.map((item) => item.url)).to.deep.equal([
      'http://www.arcgames.com/en/games/neverwinter/news/detail/10743874-neverwinter-%26-jingle-jam-humble-bundle%21',
      'http://www.arcgames.com/en/games/neverwinter/news/detail/10738994-2x-underdark-currency-%26-15%25-off-bags%21',
    ]);
  });

  it('only ever returns typed data: no field is HTML, unsafe or an invalid date', async () => {
    for (const row of rows.filter((r) => !r.error)) {
      const { bytes, type } = await corpus(row.file, row.bytes);
      const doc = parseBytes(bytes, type, '');
      for (const item of toTicker(doc).items) {
        expect(item.title, row.file)
          .to.be.a('string')
          .and.not.match(/^\s|\s$|<\/?[a-z]|&(?:#\d+|[a-z]+);/i);
        if (item.url) expect(item.url, row.file).to.match(/^(?:https?:\/\/|mailto:|\/)/);
        if (item.time)
          expect(new Date(item.time).toISOString().replace('.000Z', 'Z'), row.file).to.equal(item.time);
      }
    }
  });
});
