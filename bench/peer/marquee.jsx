// The peer: the same headlines in react-fast-marquee on React 19, as a React site would embed a
// ticker. Bundled by bench/run.mjs (esbuild, production React) into bench/dist/peer.js.
import { createRoot } from 'react-dom/client';
import MarqueeModule from 'react-fast-marquee';

// A CommonJS package seen from an ES module (bench/ is "type": "module"): its default export is `.default`.
const Marquee = MarqueeModule.default ?? MarqueeModule;

const bar = { display: 'flex', alignItems: 'center', minHeight: '2.5em', borderBottom: '2px solid #c8102e' };
const label = {
  padding: '0 0.9em',
  background: '#c8102e',
  color: '#fff',
  fontWeight: 700,
  alignSelf: 'stretch',
  display: 'flex',
  alignItems: 'center',
};
const dot = {
  display: 'inline-block',
  width: '0.375em',
  height: '0.375em',
  margin: '0 0.875em',
  borderRadius: '50%',
  background: '#c8102e',
  verticalAlign: 'middle',
};

function Ticker({ items, speed }) {
  return (
    <div style={bar} dir="rtl" lang="ar">
      <span style={label}>عاجل</span>
      {/* react-fast-marquee lays its strip out left to right: the strip is LTR, each headline RTL. */}
      <div dir="ltr" style={{ flex: '1 1 0', minWidth: 0 }}>
        <Marquee speed={speed} direction="right" pauseOnHover gradient={false}>
          {items.map((item) => (
            <span key={item.id} dir="rtl">
              <span style={dot} />
              <a href={item.url} style={{ color: 'inherit', textDecoration: 'none' }}>
                <bdi>{item.title}</bdi>
              </a>
            </span>
          ))}
        </Marquee>
      </div>
    </div>
  );
}

let root;
window.mountPeer = (items, speed = 60) => {
  root ??= createRoot(document.getElementById('root'));
  root.render(<Ticker items={items} speed={speed} />);
};
