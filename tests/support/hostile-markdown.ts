/** Hostile Markdown the body check and the renderer are tested with (tests/unit/markdown-sanitize.test.ts, body-readers.test.ts). */

/**
 * Addresses that lead elsewhere than they read, as browsers parse them
 * (WHATWG URL: tabs and line breaks dropped, "\\" read as "/", entities
 * decoded by the HTML parser first): each is refused by the check with its
 * line and left out of the page by the renderer.
 */
export const SMUGGLED: [string, string, RegExp][] = [
  ['an image behind an encoded tab', '<img src="/&#9;/evil.example/t.png" alt="t">', /an image "\/\\t\/evil\.example\/t\.png", which holds a tab \(U\+0009\)/],
  ['an image behind a hex tab', '<img src="/&#x09;/evil.example/t.png" alt="t">', /holds a tab \(U\+0009\)/],
  ['an image behind a named tab', '<img src="/&Tab;/evil.example/t.png" alt="t">', /holds a tab \(U\+0009\)/],
  ['an image behind a newline', '<img src="/&#10;/evil.example/t.png" alt="t">', /holds a line break \(U\+000A\)/],
  ['an image behind a backslash', '<img src="/\\evil.example/t.png" alt="t">', /holds a backslash \(U\+005C\)/],
  ['a protocol-relative image', '<img src="//evil.example/t.png" alt="t">', /is not a file of the hub/],
  ['a protocol-relative image in Markdown', '![t](//evil.example/t.png)', /is not a file of the hub/],
  ['a data: image', '<img src="data:image/png;base64,AAAA" alt="t">', /is not a file of the hub/],
  ['a mixed-case data: image', '<img src="DaTa:image/png;base64,AAAA" alt="t">', /is not a file of the hub/],
  ['a script address behind an encoded newline', '<a href="java&#x0A;script:alert(1)">x</a>', /a link to "java\\nscript:alert\(1\)", which holds a line break/],
  ['a script address in mixed case', '<a href="JaVaScRiPt:alert(1)">x</a>', /which is not allowed: script and data addresses can run code/],
  ['a data: link', '<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>', /script and data addresses can run code/],
  ['a protocol-relative link', '<a href="//evil.example/">x</a>', /leaves out the scheme, so it leads to another site \(evil\.example\)/],
  ['a protocol-relative link in Markdown', '[x](//evil.example/)', /leaves out the scheme/],
  ['a link with a backslash for a slash', '<a href="/\\evil.example/">x</a>', /holds a backslash/],
  ['a link with a user name that hides the host', '[x](https://hub.example@evil.example/)', /holds a user name or password before "@"/],
  ['a link with a right-to-left override', '<a href="https://evil.example/\u202Egnp.exe">x</a>', /holds a right-to-left override \(U\+202E\)/],
  ['a Markdown link with an encoded tab', '[x](java&#9;script:alert(1))', /holds a tab/],
];
