/** The part of opentype.js (which ships no types) that the card fonts use. */
declare module 'opentype.js' {
  const opentype: { parse(buffer: ArrayBuffer): unknown };
  export default opentype;
}
