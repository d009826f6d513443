// xterm.js draws its rows with the DOM renderer and styles them with <style> elements it makes
// itself (colours, font, cell size). The console's CSP (style-src 'self', no 'unsafe-inline')
// refuses those, which would leave the terminal unstyled and log a violation per element. While
// xterm builds its DOM, the <style> elements it asks for are stand-ins whose text goes into a
// constructed stylesheet (document.adoptedStyleSheets) instead. That keeps the CSP's point: text
// injected into the page as markup still cannot style it; only our own scripts can.

/** An inert element in place of <style>: its text becomes a constructed stylesheet, removed with it. */
function styleStandIn(document: Document): HTMLElement {
  const element = document.createElement('xterm-style');
  element.hidden = true;
  const sheet = new CSSStyleSheet();
  let text = '';
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  Object.defineProperty(element, 'textContent', {
    get: () => text,
    set(value: string | null) {
      text = value ?? '';
      sheet.replaceSync(text);
    },
  });
  const remove = element.remove.bind(element);
  element.remove = () => {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((each) => each !== sheet);
    remove();
  };
  return element;
}

/**
 * Runs `build` (making or opening a terminal) with document.createElement('style') answered by
 * stand-ins, then puts createElement back. xterm makes all its <style> elements while it opens.
 */
export function withCspSafeStyles<T>(document: Document, build: () => T): T {
  const original = Object.getOwnPropertyDescriptor(document, 'createElement');
  // The document's own method, bound to it: the stand-in is asked for on this document only.
  const create = Document.prototype.createElement.bind(document);
  Object.defineProperty(document, 'createElement', {
    configurable: true,
    value: (tagName: string, options?: ElementCreationOptions): HTMLElement =>
      tagName.toLowerCase() === 'style' ? styleStandIn(document) : create(tagName, options),
  });
  try {
    return build();
  } finally {
    if (original) Object.defineProperty(document, 'createElement', original);
    else Reflect.deleteProperty(document, 'createElement');
  }
}
