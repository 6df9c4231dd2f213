// custom-elements.json, the Custom Elements Manifest that editors, Storybook and docs tools
// read, built from the components' JSDoc by @custom-elements-manifest/analyzer:
//   npm run manifest          regenerate custom-elements.json and the README's API tables
//   npm run manifest:check    fail when either is out of date (CI runs it)
// Components do not define their tags (src/index.ts and the entries do, through defineOnce),
// so a small plugin reads those calls to give each class its tag name.

/**
 * `src/x.ts`, `/src/x.js`, or `./x.js` in a module of `dir` -> `dist/x.js`: the manifest
 * describes the published files.
 */
const toDist = (path, dir = '') =>
  path.startsWith('./') ? toDist(dir + path.slice(2)) : path.replace(/^\/?src\/(.*)\.[jt]s$/, 'dist/$1.js');

function akhbarPlugin() {
  /** Module path -> the `defineOnce('tag', Class)` calls it makes, as [class name, tag]. */
  const definitions = new Map();
  return {
    name: 'akhbar',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || node.expression.getText() !== 'defineOnce') return;
      const [tag, element] = node.arguments;
      if (tag && element && ts.isStringLiteral(tag) && ts.isIdentifier(element)) {
        const calls = definitions.get(moduleDoc.path) ?? [];
        calls.push([element.text, tag.text]);
        definitions.set(moduleDoc.path, calls);
      }
    },
    packageLinkPhase({ customElementsManifest: manifest }) {
      const tags = new Map([...definitions.values()].flat());
      const declaredIn = new Map(); // class name -> module path
      for (const module of manifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (declaration.kind !== 'class') continue;
          declaredIn.set(declaration.name, module.path);
          if (tags.has(declaration.name)) {
            declaration.tagName = tags.get(declaration.name);
            declaration.customElement = true;
          }
          // The public API only: no private or protected members.
          declaration.members = declaration.members?.filter(
            (member) =>
              member.privacy !== 'private' && member.privacy !== 'protected' && !member.name.startsWith('#'),
          );
          // An attribute whose default is a named constant: the property knows the type and value.
          for (const attribute of declaration.attributes ?? []) {
            const field = declaration.members?.find((member) => member.name === attribute.fieldName);
            if (field?.type && !attribute.type) attribute.type = field.type;
            if (field?.default !== undefined) attribute.default = field.default;
          }
        }
      }
      for (const module of manifest.modules) {
        module.exports = (module.exports ?? []).filter(
          // `customElements.define(tag, element)` inside defineOnce is not a definition.
          (entry) => entry.kind !== 'custom-element-definition' || declaredIn.has(entry.declaration?.name),
        );
        // The entries that define tags say so, so tools know which import registers what.
        for (const [className, tag] of definitions.get(module.path) ?? []) {
          module.exports.push({
            kind: 'custom-element-definition',
            name: tag,
            declaration: { name: className, module: declaredIn.get(className) },
          });
        }
      }
      for (const module of manifest.modules) {
        const dir = module.path.replace(/[^/]*$/, '');
        rewriteModules(module, dir);
      }
      manifest.modules.sort((a, b) => a.path.localeCompare(b.path));
    },
  };
}

/** A module's path and its `module` references (superclass, inheritedFrom, exports) -> dist. */
function rewriteModules(value, dir) {
  if (Array.isArray(value)) return value.forEach((child) => rewriteModules(child, dir));
  if (!value || typeof value !== 'object') return;
  for (const [key, child] of Object.entries(value)) {
    if ((key === 'module' || key === 'path') && typeof child === 'string') value[key] = toDist(child, dir);
    else rewriteModules(child, dir);
  }
}

export default {
  // The public modules: the components, their shared base (for inheritance), the events and
  // the entries. Data parsing, rendering, locale and the JSX typings hold no elements.
  globs: ['src/*.ts'],
  exclude: ['src/jsx.ts', 'src/react.ts', 'src/preact.ts', 'src/locale.ts'],
  litelement: true,
  packagejson: false,
  plugins: [akhbarPlugin()],
};
