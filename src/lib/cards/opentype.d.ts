/** The part of opentype.js (which ships no types) that tests/unit/cards.test.ts uses to check the cmap reader. */
declare module 'opentype.js' {
  const opentype: { parse(buffer: ArrayBuffer): unknown };
  export default opentype;
}
