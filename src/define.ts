/**
 * Defines a custom element unless the tag is taken, so two copies or two versions
 * of the bundle on one page never throw. A tag held by another class gets a warning.
 */
export function defineOnce(tag: string, element: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (existing === undefined) {
    customElements.define(tag, element);
  } else if (existing !== element) {
    console.warn(`akhbar: <${tag}> is already defined on this page; keeping the first definition.`);
  }
}
