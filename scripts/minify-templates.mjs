// A Vite (Rolldown) plugin for the CDN builds: minifies the text of Lit's css`` and html``
// templates, which a JavaScript minifier cannot touch (a template literal is a string to it).
//
//   css``   comments dropped, whitespace collapsed, spaces around { } ; , > and after : removed
//           (never before `(` or `:`, and never after `)`, where a space is a descendant
//           combinator or separates `and (`); strings are kept as they are.
//   html``  only the formatting whitespace, runs that contain a line break: removed between a
//           tag's end and the next tag's start, one space elsewhere in text (what the browser
//           would render anyway), one space inside a tag (none before its `>`). A template with
//           <pre> or <textarea> is left alone; attribute values and expressions are never touched.
//
// Lit joins the strings of a template with markers and parses them as HTML, so the output
// must stay HTML the same way: this only shortens whitespace the HTML parser and CSS
// already treat as insignificant.

/** @param {string} css */
export function minifyCss(css) {
  // Strings (kept as they are), comments (dropped), whitespace runs, anything else.
  const TOKEN = /("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')|\/\*[\s\S]*?\*\/|(\s+)|([^"'/\s]+|\/)/g;
  let out = '';
  let space = false;
  for (const [, string, , other] of css.matchAll(TOKEN)) {
    const text = string ?? other;
    if (text === undefined) {
      space = true; // whitespace or a comment
      continue;
    }
    if (space && out && !/[{};,>:(]$/.test(out) && !/^[{};,>)]/.test(text)) out += ' ';
    space = false;
    if (text.startsWith('}') && out.endsWith(';')) out = out.slice(0, -1);
    out += text;
  }
  return out;
}

/**
 * The strings of one html`` template (the parts between its expressions), minified. Whitespace
 * is judged in context: inside a tag, in an attribute value, in text.
 * @param {string[]} strings
 * @returns {string[]}
 */
export function minifyHtmlStrings(strings) {
  if (strings.some((part) => /<(?:pre|textarea)\b/i.test(part))) return strings;
  // Where the scanner is at the end of each part: in text, in a tag, in a quoted value, in a comment.
  let state = 'text';
  let quote = '';
  return strings.map((part, index) => {
    let out = '';
    let i = 0;
    while (i < part.length) {
      const ch = part[i];
      if (state === 'comment') {
        const end = part.indexOf('-->', i);
        if (end < 0) {
          out += part.slice(i);
          break;
        }
        out += part.slice(i, end + 3);
        i = end + 3;
        state = 'text';
        continue;
      }
      if (state === 'value') {
        out += ch;
        if (ch === quote) state = 'tag';
        i++;
        continue;
      }
      if (/\s/.test(ch)) {
        let j = i;
        while (j < part.length && /\s/.test(part[j])) j++;
        const run = part.slice(i, j);
        if (!run.includes('\n')) {
          out += run;
        } else if (state === 'tag') {
          // One space between attributes; none before the tag's end.
          out += /^\/?>/.test(part.slice(j)) ? '' : ' ';
        } else {
          // Text: between a tag's end (or the template's start) and a tag's start (or the
          // template's end) the run is formatting only; next to text or an expression, one space.
          const before = i === 0 ? (index === 0 ? 'edge' : 'expression') : out.endsWith('>') ? 'tag' : 'text';
          const after =
            j === part.length
              ? index === strings.length - 1
                ? 'edge'
                : 'expression'
              : part[j] === '<'
                ? 'tag'
                : 'text';
          const formatting = (before === 'tag' || before === 'edge') && (after === 'tag' || after === 'edge');
          out += formatting ? '' : ' ';
        }
        i = j;
        continue;
      }
      if (state === 'text') {
        if (part.startsWith('<!--', i)) {
          state = 'comment';
          continue;
        }
        if (ch === '<' && /[a-z/!]/i.test(part[i + 1] ?? '')) state = 'tag';
      } else if (state === 'tag') {
        if (ch === '>') state = 'text';
        else if ((ch === '"' || ch === "'") && /=\s*$/.test(out)) {
          state = 'value';
          quote = ch;
        }
      }
      out += ch;
      i++;
    }
    return out;
  });
}

/**
 * The plugin. Finds tagged templates whose tag is `css` or `html` (as Lit exports them) with
 * Rolldown's parser and rewrites the raw text of their parts.
 * @returns {import('vite').Plugin}
 */
export function minifyLitTemplates() {
  return {
    name: 'akhbar:minify-lit-templates',
    apply: 'build',
    enforce: 'post',
    transform: {
      filter: { id: /\/src\/.*\.[jt]s$/, code: /\b(?:css|html)`/ },
      handler(code) {
        const ast = this.parse(code);
        /** @type {{ start: number; end: number; text: string }[]} */
        const edits = [];
        const visit = (node) => {
          if (!node || typeof node.type !== 'string') return;
          if (node.type === 'TaggedTemplateExpression' && node.tag.type === 'Identifier') {
            const name = node.tag.name;
            const quasis = node.quasi.quasis;
            const raws = quasis.map((quasi) => code.slice(quasi.start, quasi.end));
            if (raws.every((raw, i) => raw === quasis[i].value.raw)) {
              let minified;
              if (name === 'css' && raws.length === 1) minified = [minifyCss(raws[0])];
              else if (name === 'html') minified = minifyHtmlStrings(raws);
              minified?.forEach((text, i) => {
                if (text !== raws[i]) edits.push({ start: quasis[i].start, end: quasis[i].end, text });
              });
            }
          }
          for (const key of Object.keys(node)) {
            if (key === 'parent') continue;
            const value = node[key];
            if (Array.isArray(value)) value.forEach(visit);
            else if (value && typeof value === 'object') visit(value);
          }
        };
        visit(ast);
        if (edits.length === 0) return null;
        edits.sort((a, b) => b.start - a.start);
        let out = code;
        for (const edit of edits) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
        return { code: out, map: null };
      },
    },
  };
}
