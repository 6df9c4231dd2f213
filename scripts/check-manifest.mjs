// Keeps custom-elements.json and the README's API tables in step with the components' JSDoc.
//   node scripts/check-manifest.mjs          fail (exit 1) when either is out of date
//   node scripts/check-manifest.mjs --write  regenerate both (npm run manifest)
// The manifest is built in memory with the analyzer's own CLI code and the project's
// custom-elements-manifest.config.mjs; nothing is written unless --write is given.
import { cli } from '@custom-elements-manifest/analyzer/cli.js';
import { readFileSync, writeFileSync } from 'node:fs';

const MANIFEST = 'custom-elements.json';
const README = 'README.md';
const START =
  '<!-- api:start: generated from custom-elements.json by `npm run manifest`; edit the JSDoc, not this -->';
const END = '<!-- api:end -->';

const write = process.argv.includes('--write');
const manifest = await cli({ argv: ['analyze', '--quiet'], cwd: process.cwd(), noWrite: true });
const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;

const problems = [];
const read = (path) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
};

// 1. The manifest itself.
if (read(MANIFEST) !== manifestText) {
  if (write) writeFileSync(MANIFEST, manifestText);
  else problems.push(`${MANIFEST} is out of date with the JSDoc in src/.`);
}

// 2. The README's tables, between the markers.
const readme = read(README);
const start = readme.indexOf(START);
const end = readme.indexOf(END);
if (start < 0 || end < start) {
  problems.push(`${README} has no API block (${START} … ${END}).`);
} else {
  const tables = apiMarkdown(manifest);
  const current = readme.slice(start + START.length, end);
  if (current !== tables) {
    if (write) writeFileSync(README, readme.slice(0, start + START.length) + tables + readme.slice(end));
    else problems.push(`${README}: the API tables differ from the manifest.`);
  }
}

if (problems.length > 0) {
  console.error(problems.join('\n'));
  console.error('Run `npm run manifest` and commit the result.');
  process.exit(1);
}
console.log(
  write
    ? `${MANIFEST} and ${README} API tables written.`
    : `${MANIFEST} and ${README} API tables are up to date.`,
);

/** The README's API section, from the manifest: one block per element, the shared inputs first. */
function apiMarkdown(manifest) {
  const classes = manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .filter((d) => d.kind === 'class');
  const elements = ['news-ticker', 'news-article', 'article-section'].map((tag) => {
    const element = classes.find((d) => d.tagName === tag);
    if (!element) throw new Error(`No <${tag}> in the manifest`);
    return element;
  });
  const base = classes.find((d) => d.name === 'NewsDataElement');
  const inherited = (member) => member.inheritedFrom?.name === base?.name;
  const out = [''];

  out.push(`### \`<news-ticker>\` and \`<news-article>\`: data, fetching and language`, '');
  out.push(fieldTable(members(elements[0]).filter(inherited)), '');
  for (const element of elements) {
    const own = members(element).filter((member) => !inherited(member));
    out.push(`### \`<${element.tagName}>\``, '');
    if (element.summary) out.push(`${oneLine(element.summary)} Class: \`${element.name}\`.`, '');
    if (own.length) out.push(fieldTable(own), '');
    if (element.events?.length)
      out.push(
        simpleTable(
          'event',
          element.events.map((e) => [e.name, e.description]),
        ),
        '',
      );
    if (element.slots?.length)
      out.push(
        simpleTable(
          'slot',
          element.slots.map((s) => [s.name || '(default)', s.description]),
        ),
        '',
      );
    if (element.cssParts?.length)
      out.push(
        simpleTable(
          'part',
          element.cssParts.map((p) => [p.name, p.description]),
        ),
        '',
      );
    if (element.cssProperties?.length)
      out.push(
        simpleTable(
          'CSS property',
          element.cssProperties.map((p) => [p.name, p.description]),
        ),
        '',
      );
  }
  return `${out.join('\n')}\n`;
}

/** Public fields, each with its attribute (if any). */
function members(element) {
  return (element.members ?? []).filter((member) => member.kind === 'field');
}

function fieldTable(fields) {
  const rows = fields.map((field) => [
    field.attribute ? code(field.attribute) : '—',
    field.static ? `${code(field.name)} (static)` : code(field.name),
    field.type ? code(typeText(field.type.text)) : '',
    field.default !== undefined ? code(field.default) : '',
    cell(field.description ?? ''),
  ]);
  return table(['attribute', 'property', 'type', 'default', 'description'], rows);
}

function simpleTable(name, rows) {
  return table(
    [name, 'description'],
    rows.map(([key, description]) => [code(key), cell(description ?? '')]),
  );
}

function table(header, rows) {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}

/** `string | null | undefined` -> `string`: the nullish parts only say "optional". */
function typeText(text) {
  return text
    .split('|')
    .map((part) => part.trim())
    .filter((part) => part !== 'null' && part !== 'undefined')
    .join(' | ');
}

function oneLine(text) {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

/** A table cell: one line, pipes escaped. */
function cell(text) {
  return oneLine(text).replace(/\|/g, '\\|');
}

function code(text) {
  return `\`${String(text).replace(/\|/g, '\\|')}\``;
}
