/**
 * What in an SVG file could run script or make a browser load anything,
 * judged the way a browser reads the file when it is opened on its own: as
 * XML (image/svg+xml), where a <script>, an on…= handler or an XHTML
 * element inside runs with the hub's origin, and so could read Decap's
 * stored login from localStorage.
 *
 * The judgement is an allowlist: the file is parsed by jsdom and held
 * against DOMPurify's SVG profile (a well-kept list of elements and
 * attributes that draw and do nothing else); whatever DOMPurify would
 * remove is a hazard. DOMPurify lets some things through that are harmless
 * inside a page but not in a file served on the hub's origin, so these are
 * judged here as well, again by what is allowed:
 *
 * - references (`href`, `xlink:href`) may only point into the file (`#id`):
 *   no other file, site, `data:` or `javascript:` address;
 * - CSS (<style>, style="…", presentation attributes such as fill) may use
 *   `url(#id)` only: no other url(), no @import, no image-set(), and no
 *   backslash escapes, which can spell `url(` so that no pattern sees it;
 * - a DOCTYPE only as the standard SVG 1.0/1.1 one, never with declarations
 *   of its own (<!ENTITY …> can swell a small file into gigabytes or pull
 *   in other files), and no processing instructions (<?xml-stylesheet …?>
 *   loads a stylesheet).
 *
 * What editors' tools add and browsers give no behaviour to (comments,
 * CDATA text, Inkscape's and Sodipodi's elements and attributes, RDF
 * metadata, namespace declarations) is not a hazard.
 *
 * The hub refuses such a file rather than cleaning it (DOMPurify could):
 * a file that is changed on the way to the site silently differs from the
 * one the editor sees in the repository, and the list of hazards tells the
 * editor exactly what to remove (docs/security.md).
 */
import { createRequire } from 'node:module';
import type * as CssTree from 'css-tree';
import type { DOMPurify, WindowLike } from 'dompurify';
import type * as Jsdom from 'jsdom';

const SVG_NS = 'http://www.w3.org/2000/svg';
const XLINK_NS = 'http://www.w3.org/1999/xlink';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
const PARSER_ERROR_NS = 'http://www.mozilla.org/newlayout/xml/parsererror.xml';

/** Namespaces whose elements a browser gives behaviour to; anything else (Inkscape's, RDF) is inert data. */
const ACTIVE_ELEMENT_NAMESPACES = new Set([SVG_NS, 'http://www.w3.org/1999/xhtml', 'http://www.w3.org/1998/Math/MathML']);
/** Namespaces of attributes a browser reads; `inkscape:label` and the like are inert. */
const ACTIVE_ATTRIBUTE_NAMESPACES = new Set<string | null>([null, XLINK_NS, XML_NS]);

/** The DOCTYPEs of SVG 1.0 and 1.1, which editors' tools still write; browsers never fetch them. */
const STANDARD_DOCTYPES = new Set(['-//W3C//DTD SVG 1.0//EN', '-//W3C//DTD SVG 1.1//EN', '-//W3C//DTD SVG 1.1 Basic//EN', '-//W3C//DTD SVG 1.1 Tiny//EN']);

/** CSS functions that take an address as a string (url() is judged on its own). */
const FETCHING_FUNCTIONS = new Set(['image-set(', '-webkit-image-set(', 'image(', 'src(', 'cross-fade(', '-webkit-cross-fade(']);

/**
 * DOMPurify's SVG profile, plus two things it leaves out that are harmless
 * under the rules above: <use> (refused by DOMPurify because it can pull in
 * another file; here its href may only point into the file) and `role`
 * (an ARIA attribute the hub's own logo carries).
 */
const PROFILE = { IN_PLACE: true, USE_PROFILES: { svg: true, svgFilters: true }, ADD_TAGS: ['use'], ADD_ATTR: ['role'] };

interface Tools {
  window: Jsdom.DOMWindow;
  purify: DOMPurify;
  css: typeof CssTree;
}

let tools: Tools | undefined;

/**
 * jsdom takes about half a second to load: only builds that have an SVG
 * pay for it. The content check is synchronous, hence require().
 */
function loadTools(): Tools {
  if (tools) return tools;
  const require = createRequire(import.meta.url);
  const { JSDOM } = require('jsdom') as typeof Jsdom;
  const createDOMPurify = require('dompurify') as (window: WindowLike) => DOMPurify;
  const { window } = new JSDOM('');
  tools = { window, purify: createDOMPurify(window as unknown as WindowLike), css: require('css-tree') as typeof CssTree };
  return tools;
}

/** A value as a message shows it: quoted, one line, at most 60 characters. */
function shown(value: string): string {
  const line = value.replace(/\s+/g, ' ').trim();
  return JSON.stringify(line.length > 60 ? `${line.slice(0, 59)}…` : line);
}

/** What CSS text loads from elsewhere or hides behind escapes; `where` says where it was found. */
function cssHazards(css: string, where: string, csstree: typeof CssTree): string[] {
  const found: string[] = [];
  if (css.includes('\\')) found.push(`a CSS escape (\\) in ${where}, which can spell url( unseen; write the characters themselves`);
  const { tokenTypes } = csstree;
  // The tokenizer, not the parser: it reads CSS as a browser's tokenizer does, also where the CSS is broken.
  const tokens: { type: number; text: string }[] = [];
  csstree.tokenize(css, (type, start, end) => {
    if (type !== tokenTypes.WhiteSpace && type !== tokenTypes.Comment) tokens.push({ type, text: css.slice(start, end) });
  });
  tokens.forEach(({ type, text }, index) => {
    const name = text.toLowerCase();
    if (type === tokenTypes.Url || type === tokenTypes.BadUrl) {
      const address = text.slice(4).replace(/\)$/, '').trim();
      if (type === tokenTypes.BadUrl || !address.startsWith('#')) found.push(`${shown(text)} in ${where}`);
    } else if (type === tokenTypes.Function && name === 'url(') {
      const address = tokens[index + 1];
      const value = address?.type === tokenTypes.String ? address.text.slice(1, -1).trim() : '';
      if (!value.startsWith('#')) found.push(`${shown(`url(${address?.text ?? ''})`)} in ${where}`);
    } else if (type === tokenTypes.Function && FETCHING_FUNCTIONS.has(name)) {
      found.push(`${text}) in ${where}`);
    } else if (type === tokenTypes.AtKeyword && name === '@import') {
      found.push(`@import in ${where}`);
    }
  });
  return found;
}

/** Hazards of one attribute that DOMPurify would keep: addresses outside the file, url() in CSS values. */
function attributeHazards(attribute: Jsdom.DOMWindow['Attr']['prototype'], element: string, csstree: typeof CssTree): string[] {
  if (!ACTIVE_ATTRIBUTE_NAMESPACES.has(attribute.namespaceURI)) return [];
  const { value } = attribute;
  if (attribute.localName === 'href') {
    return value.trim().startsWith('#')
      ? []
      : [`${attribute.name}=${shown(value)} on <${element}>, a reference outside the file (only #id references into the file are allowed)`];
  }
  return /[(\\]/.test(value) ? cssHazards(value, `${attribute.name}="…" of <${element}>`, csstree) : [];
}

/**
 * Everything in `text` (an SVG file) that could run script or load
 * something, in an editor's words, e.g. `<script> element`,
 * `onload="alert(1)" on <svg>`; empty when the file only draws.
 */
export function svgHazards(text: string): string[] {
  // Checked on the text, before any parser can expand an entity.
  if (/<!ENTITY/i.test(text) || /<!DOCTYPE[^>[]*\[/i.test(text)) {
    return ['a DOCTYPE with declarations of its own (<!ENTITY …>), which can swell a small file into gigabytes or pull in other files'];
  }
  const { window, purify, css } = loadTools();
  const document = new window.DOMParser().parseFromString(text, 'image/svg+xml');
  const root = document.documentElement;
  if (root.namespaceURI === PARSER_ERROR_NS) return [`XML a browser cannot read (${root.textContent?.trim().replace(/\.$/, '')})`];
  if (root.namespaceURI !== SVG_NS || root.localName !== 'svg') {
    return [`a <${root.nodeName}> root element instead of <svg xmlns="${SVG_NS}">`];
  }

  const found = new Set<string>();
  const { doctype } = document;
  if (doctype && !(STANDARD_DOCTYPES.has(doctype.publicId) && /^https?:\/\/www\.w3\.org\//.test(doctype.systemId))) {
    found.add(`the DOCTYPE ${shown(`${doctype.publicId} ${doctype.systemId}`.trim())} (only the standard SVG 1.0 and 1.1 ones are allowed)`);
  }
  const walker = document.createTreeWalker(document, window.NodeFilter.SHOW_ELEMENT | window.NodeFilter.SHOW_PROCESSING_INSTRUCTION);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === window.Node.PROCESSING_INSTRUCTION_NODE) {
      found.add(`the processing instruction <?${(node as Jsdom.DOMWindow['ProcessingInstruction']['prototype']).target} …?>`);
      continue;
    }
    const element = node as Jsdom.DOMWindow['Element']['prototype'];
    for (const attribute of element.attributes) for (const hazard of attributeHazards(attribute, element.nodeName, css)) found.add(hazard);
    if (element.localName === 'style' && ACTIVE_ELEMENT_NAMESPACES.has(element.namespaceURI ?? '')) {
      for (const hazard of cssHazards(element.textContent ?? '', '<style>', css)) found.add(hazard);
    }
  }

  purify.sanitize(root as unknown as Node, PROFILE);
  for (const removed of purify.removed as {
    element?: Jsdom.DOMWindow['Node']['prototype'];
    attribute?: Jsdom.DOMWindow['Attr']['prototype'] | null;
    from?: { nodeName: string };
  }[]) {
    const { element, attribute, from } = removed;
    if (element) {
      // Comments and CDATA are text; processing instructions were named above.
      if (element.nodeType !== window.Node.ELEMENT_NODE) continue;
      const el = element as Jsdom.DOMWindow['Element']['prototype'];
      if (ACTIVE_ELEMENT_NAMESPACES.has(el.namespaceURI ?? '')) found.add(`<${el.nodeName}> element`);
    } else if (attribute && attribute.namespaceURI !== XMLNS_NS && ACTIVE_ATTRIBUTE_NAMESPACES.has(attribute.namespaceURI) && attribute.localName !== 'href') {
      found.add(`${attribute.name}=${shown(attribute.value)} on <${from?.nodeName ?? '?'}>`);
    }
  }
  return [...found];
}
