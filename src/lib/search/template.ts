/**
 * The result template of the search page, in the syntax of Pagefind's
 * Component UI (`{{ meta.title }}`, `{{#if …}}`; `{{+ excerpt +}}` is the
 * only unescaped value: Pagefind's excerpt with <mark> around the matches).
 * Our own markup and class names, so results look like the hub's cards.
 * A result's title and excerpt are the entry's own words: they take the
 * direction of their text (dir="auto"), the labels the page's.
 */
export interface ResultLabels {
  /** The action on a snippet result, e.g. "Share". */
  share: string;
}

export function resultTemplate(labels: ResultLabels): string {
  return `<li class="hub-result">
  {{#if and(options.show_images, meta.image)}}<img class="hub-result-image" src="{{ meta.image | safeUrl }}" alt="" width="1200" height="630" loading="lazy" decoding="async">{{/if}}
  <div class="hub-result-body">
    <p class="hub-result-type">{{ meta.type }}{{#if meta.date_label}} · <time datetime="{{ meta.date }}">{{ meta.date_label }}</time>{{/if}}</p>
    <h2 class="hub-result-title" dir="auto"><a class="hub-result-link" href="{{ meta.url | default(url) | safeUrl }}">{{ meta.title }}</a></h2>
    {{#if excerpt}}<p class="hub-result-excerpt" dir="auto">{{+ excerpt +}}</p>{{/if}}
    {{#if meta.share}}<p class="hub-result-actions"><a class="hub-result-share" href="{{ meta.share | safeUrl }}">${text(labels.share)}<span class="visually-hidden"> {{ meta.title }}</span></a></p>{{/if}}
  </div>
</li>`;
}

/** What a result shows while its data loads (results load as they scroll into view). */
export function placeholderTemplate(): string {
  return `<li class="hub-result hub-result-placeholder" aria-hidden="true">
  <div class="hub-result-body">
    <p class="hub-result-type pf-skeleton">&nbsp;</p>
    <p class="hub-result-title pf-skeleton">&nbsp;</p>
    <p class="hub-result-excerpt pf-skeleton">&nbsp;<br>&nbsp;</p>
  </div>
</li>`;
}

/** A label as literal template text: HTML-escaped, and no "{{" that the template engine would read. */
function text(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\{\{/g, '&#123;&#123;');
}
