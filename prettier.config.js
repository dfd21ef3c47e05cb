// @ts-check
/**
 * Prettier, set to the style the code was written in: single quotes,
 * semicolons, trailing commas, and long lines: 170 is the width at which
 * the first formatting rewrote the fewest existing lines (1,176 of about
 * 22,000 in .ts/.astro/.mjs, against 1,855 at 120 and 1,195 at 160); one
 * line in a hundred was already longer than 165 characters.
 * @type {import('prettier').Config}
 */
export default {
  printWidth: 170,
  singleQuote: true,
  semi: true,
  trailingComma: 'all',
  plugins: ['prettier-plugin-astro'],
  overrides: [{ files: '*.astro', options: { parser: 'astro' } }],
};
