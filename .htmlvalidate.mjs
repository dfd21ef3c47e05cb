// @ts-check
/**
 * html-validate over the built pages (tests/support/validators.ts, run by `npm test` on the sample hub
 * and the hostile corpus; by hand: `npm exec html-validate dist/`). The recommended preset, with each rule
 * switched off here only for a reason written beside it.
 * @type {import('html-validate').ConfigData}
 */
export default {
  root: true,
  extends: ['html-validate:recommended'],
  rules: {
    // A page's <title> is the entry's title from content and the hub's name after it ("… · Tidewater
    // Advocates"); the schemas bound a title's length, and a long one is the editors' choice. The rule is
    // about search results, which cut long titles off; nothing breaks for a reader.
    'long-title': 'off',
    // Heading ids are slugs of the headings, in the page's language (#لماذا-يهمّ-ذلك on an Arabic page). HTML
    // allows any character but whitespace in an id, and the Nu Html Checker accepts them; the strict mode
    // of this rule allows ASCII letters only, which would make every non-Latin heading an error.
    'valid-id': ['error', { relaxed: true }],
    // A search filter is a group of checkboxes sharing one name (/search/?type=Article&type=Snippet), as
    // HTML forms have always sent several values of one field; the rule shares names among radios only.
    'form-dup-name': ['error', { shared: ['radio', 'button', 'reset', 'submit', 'checkbox'] }],
  },
};
