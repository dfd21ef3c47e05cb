/**
 * The SVG judgement (src/lib/security/svg.ts): what editors' tools write
 * passes, anything that could run script or load another file when the SVG
 * is opened on its own is named.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { svgHazards } from '../../src/lib/security/svg.ts';
import { scriptSvg } from '../support/images.ts';

const svg = (inner: string, attributes = '') =>
  `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 64 64"${attributes}>${inner}</svg>`;

describe('SVGs that only draw', () => {
  it.each([
    ['the sample hub logo (with role="img")', readFileSync(path.resolve(import.meta.dirname, '../../public/brand/logo.svg'), 'utf8')],
    [
      'an Adobe Illustrator export (XML declaration, comment, the SVG 1.1 DOCTYPE, <style>, gradients, <use> into the file)',
      `<?xml version="1.0" encoding="utf-8"?>
<!-- Generator: Adobe Illustrator 27.0.0, SVG Export Plug-In . SVG Version: 6.00 Build 0)  -->
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<svg version="1.1" id="Layer_1" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" x="0px" y="0px"
   viewBox="0 0 64 64" style="enable-background:new 0 0 64 64;" xml:space="preserve">
<style type="text/css"><![CDATA[
  .st0{fill:url(#g);} .st1{font-family:'MyriadPro-Regular'; font-size:12px;}
]]></style>
<defs><linearGradient id="g" x1="0" y1="0" x2="64" y2="64" gradientUnits="userSpaceOnUse"><stop offset="0" style="stop-color:#0B5563"/></linearGradient>
<path id="wave" d="M10 38c6-6 11-6 17 0"/></defs>
<rect class="st0" width="64" height="64" clip-path="url('#g')"/><use xlink:href="#wave" transform="translate(0 4)"/>
<text class="st1" x="4" y="60">Acme</text>
</svg>`,
    ],
    [
      'an Inkscape SVG (its own namespaces, RDF metadata)',
      `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<svg width="64" height="64" viewBox="0 0 64 64" version="1.1" id="svg1" inkscape:version="1.3" sodipodi:docname="logo.svg"
   xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"
   xmlns="http://www.w3.org/2000/svg" xmlns:svg="http://www.w3.org/2000/svg" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
   xmlns:cc="http://creativecommons.org/ns#" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <sodipodi:namedview id="namedview1" pagecolor="#ffffff" inkscape:zoom="1"/>
  <metadata><rdf:RDF><cc:Work rdf:about=""><dc:title>Logo</dc:title></cc:Work></rdf:RDF></metadata>
  <g inkscape:label="Layer 1" inkscape:groupmode="layer" id="layer1"><circle style="fill:#ff0000;stroke-width:0.26" cx="32" cy="32" r="20"/></g>
</svg>`,
    ],
    [
      'filters and masks',
      svg(
        '<filter id="f"><feGaussianBlur stdDeviation="2"/></filter><mask id="m"><rect width="9" height="9" fill="#fff"/></mask><rect filter="url(#f)" mask="url(#m)" width="9" height="9"/>',
      ),
    ],
  ])('%s passes', (_, text) => {
    expect(svgHazards(text)).toEqual([]);
  });
});

describe('SVGs that could run script or load other files', () => {
  it.each([
    ['a <script> element', svg('<script>alert(1)</script>'), /<script> element/],
    ['the test SVG the browser tests serve', scriptSvg(), /onload=[\s\S]*<script> element/],
    ['an onload handler', svg('<rect/>', ' onload="alert(1)"'), /^onload="alert\(1\)" on <svg>$/],
    ['a handler written in capitals', svg('<rect ONCLICK="alert(1)"/>'), /ONCLICK="alert\(1\)" on <rect>/],
    [
      'a <foreignObject> with HTML',
      svg('<foreignObject><body xmlns="http://www.w3.org/1999/xhtml"><img src="x" onerror="alert(1)"/></body></foreignObject>'),
      /<foreignObject> element/,
    ],
    ['an XHTML <script> in its own namespace', svg('<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script>'), /<h:script> element/],
    ['an <animate> that can set an href', svg('<a href="#x"><animate attributeName="href" to="javascript:alert(1)"/><rect/></a>'), /<animate> element/],
    ['a <set> element', svg('<set attributeName="onmouseover" to="alert(1)"/>'), /<set> element/],
    ['a javascript: link', svg('<a href="javascript:alert(1)"><rect/></a>'), /href="javascript:alert\(1\)" on <a>, a reference outside the file/],
    ['a javascript: link in xlink:href', svg('<a xlink:href=" JaVaScRiPt:alert(1)"><rect/></a>'), /xlink:href="JaVaScRiPt:alert\(1\)" on <a>/],
    ['a data: image', svg('<image href="data:image/svg+xml;base64,PHN2Zy8+"/>'), /href="data:image\/svg\+xml;base64,PHN2Zy8\+" on <image>/],
    ['an image from another site', svg('<image href="https://tracker.example/p.png"/>'), /href="https:\/\/tracker\.example\/p\.png" on <image>/],
    ['a <use> of another file', svg('<use href="/uploads/other.svg#icon"/>'), /href="\/uploads\/other\.svg#icon" on <use>/],
    [
      'url() to another site in a presentation attribute',
      svg('<rect fill="url(https://tracker.example/#p)"/>'),
      /"url\(https:\/\/tracker\.example\/#p\)" in fill="…" of <rect>/,
    ],
    ['a quoted url() in a style attribute', svg('<rect style="fill: url( \'//tracker.example/x\' )"/>'), /url\('\/\/tracker\.example\/x'\)" in style="…" of <rect>/],
    ['@import in a <style>', svg('<style>@import "https://tracker.example/x.css";</style>'), /@import in <style>/],
    ['url() in a <style>', svg('<style>rect { background: url(/uploads/x.png) }</style>'), /"url\(\/uploads\/x\.png\)" in <style>/],
    ['image-set() in a <style>', svg('<style>rect { background: image-set("x.png" 1x) }</style>'), /image-set\(\) in <style>/],
    ['a CSS escape hiding url(', svg('<rect style="fill: u\\72l(https://tracker.example/)"/>'), /CSS escape/],
    [
      'an entity declaration (billion laughs)',
      `<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>${svg('<text>&b;</text>')}`,
      /DOCTYPE with declarations of its own/,
    ],
    ['an external entity', `<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>${svg('<text>&x;</text>')}`, /<!ENTITY/],
    ['a DOCTYPE of another kind', `<!DOCTYPE html SYSTEM "https://tracker.example/x.dtd">${svg('<rect/>')}`, /the DOCTYPE "https:\/\/tracker\.example\/x\.dtd"/],
    ['an xml-stylesheet instruction', `<?xml-stylesheet type="text/xsl" href="https://tracker.example/x.xsl"?>${svg('<rect/>')}`, /<\?xml-stylesheet …\?>/],
    ['an HTML file named .svg', '<html><body><script>alert(1)</script></body></html>', /<html> root element instead of <svg/],
    ['SVG without its namespace', '<svg onload="alert(1)"><rect/></svg>', /<svg> root element instead of <svg xmlns=/],
    ['XML a browser cannot read', '<svg xmlns="http://www.w3.org/2000/svg"><rect></svg>', /XML a browser cannot read/],
  ])('%s is named', (_, text, expected) => {
    const hazards = svgHazards(text);
    expect(hazards.join('\n')).toMatch(expected);
  });

  it('names every hazard of a file once', () => {
    const hazards = svgHazards(svg('<script>1</script><script>2</script><rect onclick="x()"/><rect onclick="x()"/>'));
    expect(hazards).toEqual(['<script> element', 'onclick="x()" on <rect>']);
  });
});
