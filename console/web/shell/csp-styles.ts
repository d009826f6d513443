// xterm.js styles its DOM renderer in two ways the console's CSP (style-src 'self', no
// 'unsafe-inline') refuses: <style> elements it makes itself (colours, font, cell size), and
// style attributes set with setAttribute('style', …) on the spans of its rows (selected cells and
// 24-bit colours). Refused, the terminal is drawn wrong and every refusal is a console error.
// While a terminal exists, the document hands out stand-ins instead: a <style> whose text becomes
// a constructed stylesheet (document.adoptedStyleSheets), and spans whose style attribute is set
// through the CSSOM (element.style.cssText). That keeps the CSP's point: markup injected into the
// page (which the HTML parser builds, not createElement) still cannot style it; only our scripts can.

type CreateElement = (tagName: string, options?: ElementCreationOptions) => HTMLElement;

/** An inert element in place of <style>: its text becomes a constructed stylesheet, removed with it. */
function styleStandIn(document: Document, create: CreateElement): HTMLElement {
  const element = create('xterm-style');
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

/** setAttribute for the spans handed out: a style attribute goes through the CSSOM, which CSP allows. */
function setAttributeViaCssom(this: HTMLElement, name: string, value: string): void {
  if (name.toLowerCase() === 'style') this.style.cssText = value;
  else Element.prototype.setAttribute.call(this, name, value);
}

function install(document: Document): () => void {
  const create: CreateElement = Document.prototype.createElement.bind(document);
  Object.defineProperty(document, 'createElement', {
    configurable: true,
    value: (tagName: string, options?: ElementCreationOptions): HTMLElement => {
      const tag = tagName.toLowerCase();
      if (tag === 'style') return styleStandIn(document, create);
      const element = create(tagName, options);
      if (tag === 'span') element.setAttribute = setAttributeViaCssom;
      return element;
    },
  });
  return () => Reflect.deleteProperty(document, 'createElement');
}

let users = 0;
let uninstall: (() => void) | null = null;

/**
 * Makes the document CSP-safe for xterm until the returned release is called (once per terminal,
 * after it is disposed); with several terminals, the last release puts createElement back.
 */
export function holdCspSafeStyles(document: Document): () => void {
  if (users++ === 0) uninstall = install(document);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--users === 0) {
      uninstall?.();
      uninstall = null;
    }
  };
}
