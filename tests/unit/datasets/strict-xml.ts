// A strict, minimal XML 1.0 reader for tests (no XML parser is installed): well-formedness checks and an element tree.

/** An element: its name, attributes (entity references resolved), child elements and text content. */
export type XmlElement = { name: string; attributes: Record<string, string>; children: XmlElement[]; text: string };

const NAME = /^[A-Za-z_][\w.:-]*/;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Resolves entity references; throws on a bare '&' or an unknown entity, and on '<' in text or attribute values. */
function decode(raw: string, where: string): string {
  if (raw.includes('<')) throw new SyntaxError(`XML: '<' in ${where}`);
  return raw.replace(/&([^;]*);?/g, (match, body: string) => {
    if (!match.endsWith(';')) throw new SyntaxError(`XML: bare '&' in ${where}`);
    if (body in ENTITIES) return ENTITIES[body]!;
    const code = /^#x([0-9a-fA-F]+)$/.exec(body)?.[1] ?? /^#([0-9]+)$/.exec(body)?.[1];
    if (code === undefined) throw new SyntaxError(`XML: unknown entity &${body}; in ${where}`);
    return String.fromCodePoint(body.startsWith('#x') ? parseInt(code, 16) : Number(code));
  });
}

/**
 * Parses `text` as a well-formed XML document: an optional XML declaration, comments, exactly one root element;
 * matching start and end tags; attribute values in quotes, each name once; only the five predefined entities and
 * character references; no '<' or bare '&' in text; no control characters XML 1.0 forbids; line ends normalised to
 * "\n". Throws a SyntaxError on
 * anything else. No DTDs, CDATA or processing instructions besides the declaration (the exports write none).
 */
export function parseStrictXml(source: string): XmlElement {
  // Line ends are normalised before parsing, as XML 1.0 section 2.11 says (so a parser sees "\n" for "\r\n").
  const text = source.replace(/\r\n?/g, '\n');
  // eslint-disable-next-line no-control-regex -- the characters XML 1.0 forbids
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/.test(text)) throw new SyntaxError('XML: a forbidden control character');
  let i = 0;
  const skipSpace = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const skipMisc = () => {
    for (;;) {
      skipSpace();
      if (!text.startsWith('<!--', i)) return;
      const end = text.indexOf('-->', i + 4);
      if (end < 0) throw new SyntaxError('XML: unclosed comment');
      i = end + 3;
    }
  };
  if (text.startsWith('<?xml')) {
    const end = text.indexOf('?>');
    if (end < 0 || !/^<\?xml version="1\.[0-9]"( encoding="[A-Za-z][\w.-]*")?( standalone="(yes|no)")?\s*\?>$/.test(text.slice(0, end + 2))) {
      throw new SyntaxError('XML: bad declaration');
    }
    i = end + 2;
  }
  const readName = () => {
    const m = NAME.exec(text.slice(i, i + 200));
    if (!m) throw new SyntaxError(`XML: a name expected at ${i}`);
    i += m[0].length;
    return m[0];
  };
  const readElement = (): XmlElement => {
    if (text[i] !== '<') throw new SyntaxError(`XML: '<' expected at ${i}`);
    i++;
    const name = readName();
    const attributes: Record<string, string> = {};
    for (;;) {
      const before = i;
      skipSpace();
      if (text.startsWith('/>', i)) {
        i += 2;
        return { name, attributes, children: [], text: '' };
      }
      if (text[i] === '>') {
        i++;
        break;
      }
      if (i === before) throw new SyntaxError(`XML: space expected before an attribute of <${name}> at ${i}`);
      const attr = readName();
      skipSpace();
      if (text[i] !== '=') throw new SyntaxError(`XML: '=' expected after ${attr} at ${i}`);
      i++;
      skipSpace();
      const quote = text[i];
      if (quote !== '"' && quote !== "'") throw new SyntaxError(`XML: quoted value expected for ${attr} at ${i}`);
      const end = text.indexOf(quote, i + 1);
      if (end < 0) throw new SyntaxError(`XML: unclosed value of ${attr}`);
      if (attr in attributes) throw new SyntaxError(`XML: attribute ${attr} twice on <${name}>`);
      attributes[attr] = decode(text.slice(i + 1, end), `attribute ${attr}`);
      i = end + 1;
    }
    const children: XmlElement[] = [];
    let content = '';
    for (;;) {
      const lt = text.indexOf('<', i);
      if (lt < 0) throw new SyntaxError(`XML: <${name}> is never closed`);
      content += decode(text.slice(i, lt), `the text of <${name}>`);
      i = lt;
      if (text.startsWith('</', i)) {
        i += 2;
        const closing = readName();
        if (closing !== name) throw new SyntaxError(`XML: </${closing}> closes <${name}>`);
        skipSpace();
        if (text[i] !== '>') throw new SyntaxError(`XML: '>' expected at ${i}`);
        i++;
        return { name, attributes, children, text: content };
      }
      if (text.startsWith('<!--', i)) skipMisc();
      else children.push(readElement());
    }
  };
  skipMisc();
  const root = readElement();
  skipMisc();
  if (i !== text.length) throw new SyntaxError(`XML: content after the root element at ${i}`);
  return root;
}

/** Every descendant element named `name`, in document order. */
export function elementsNamed(root: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    if (e.name === name) found.push(e);
    e.children.forEach(walk);
  };
  walk(root);
  return found;
}

/** The text of the first child element named `name`, or undefined. */
export function childText(e: XmlElement, name: string): string | undefined {
  return e.children.find((c) => c.name === name)?.text;
}
