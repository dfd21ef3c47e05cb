/**
 * Editorial checks beyond the schemas, run by the build and by
 * `npm run lint:content`: links and images in Markdown bodies (an image
 * next to the entry must be inside the content folder, not reached through a
 * symbolic link), and entries about to expire.
 */
import { expiryInstant } from '../../lib/publish.ts';
import { COLLECTIONS, ROUTE_OF, type CollectionName } from '../../model/collections.ts';
import type { Problem } from '../../lib/problems.ts';
import { quote } from '../../model/words.ts';
import type { CheckedEntry, ImageFiles } from '../entry.ts';

/** How far ahead an expiry date earns a warning. */
export const EXPIRY_NOTICE_DAYS = 14;
const DAY = 24 * 60 * 60 * 1000;

// [text](url "title"), ![alt](src), <https://autolink>, and [ref]: url definitions.
const INLINE = /(!?)\[((?:[^\][]|\[[^\]]*\])*)\]\(\s*<?((?:[^()\s<>]|\([^()\s]*\))*)>?(?:\s+["'(][^)]*["')])?\s*\)/g;
const AUTOLINK = /<((?:https?|mailto|ftp|javascript|data|vbscript):[^>\s]*)>/gi;
const DEFINITION = /^[ \t]{0,3}\[[^\]]+\]:[ \t]*<?(\S+?)>?(?:[ \t]+["'(].*)?$/gm;
const HTML_IMG = /<img\b[^>]*>/gi;

/**
 * `images`: where body images are looked up (the disk, or the CMS's list of the tree's files).
 * `tree`: every entry a body may link to (default: `entries`; the CMS lints one entry among the others).
 */
export function lintEntries(entries: readonly CheckedEntry[], now: Date, images: Pick<ImageFiles, 'outside'>, tree: readonly CheckedEntry[] = entries): Problem[] {
  const problems: Problem[] = [];
  const known = new Set(tree.filter((e) => e.published).map((e) => `${e.collection}/${e.id}`));
  const collectionOfRoute = new Map(COLLECTIONS.map((c) => [ROUTE_OF[c], c] as const));

  for (const entry of entries) {
    const at = (index: number, message: string, severity: Problem['severity'] = 'error') =>
      problems.push({ severity, file: entry.file, line: entry.bodyLine(index), field: 'body', message });
    const body = entry.body;
    const code = maskCode(body);

    for (const match of code.matchAll(INLINE)) {
      const [, bang, text, target] = match;
      if (bang) {
        if (!text!.trim()) at(match.index, `has an image without alt text (${quote(target)}); describe it between the brackets: ![what it shows](${target})`);
        checkTarget(target!, match.index, 'image');
      } else checkTarget(target!, match.index, 'link');
    }
    for (const match of code.matchAll(AUTOLINK)) checkTarget(match[1]!, match.index, 'link');
    for (const match of code.matchAll(DEFINITION)) checkTarget(match[1]!, match.index, 'link');
    for (const match of code.matchAll(HTML_IMG)) {
      const alt = /\balt\s*=\s*(["'])(.*?)\1/i.exec(match[0]);
      if (!alt || !alt[2]!.trim()) at(match.index, 'has an <img> without alt text; add alt="what it shows"');
    }

    const expires = entry.data.expires as Date | undefined;
    if (entry.published && expires) {
      const left = expiryInstant(expires).getTime() - now.getTime();
      if (left <= EXPIRY_NOTICE_DAYS * DAY) {
        const days = Math.max(0, Math.ceil(left / DAY) - 1);
        problems.push({
          severity: 'warning',
          file: entry.file,
          line: entry.lineOf(['expires']),
          field: 'expires',
          message: `is ${expires.toISOString().slice(0, 10)}, so the entry disappears ${days === 0 ? 'after today' : `in ${days + 1} days`}; extend the date or plan its replacement`,
        });
      }
    }

    // Whether an address is safe and leads where it reads is judged on the parsed body (body-safety.ts).
    function checkTarget(target: string, index: number, kind: 'link' | 'image') {
      if (!target) return at(index, `has an empty ${kind} target; write the address between the parentheses`);
      if (kind === 'image' && !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith('/')) {
        const outside = images.outside(entry.filePath, decodeTarget(target));
        if (outside) at(index, `shows the image ${quote(target)}, which ${outside}`);
        return;
      }
      if (kind === 'link' && target.startsWith('/')) {
        // A link to another hub page must point to an entry that exists and is published.
        const [route, id] = target.split(/[?#]/)[0]!.split('/').filter(Boolean);
        const collection = route ? collectionOfRoute.get(route) : undefined;
        if (collection && id && !known.has(`${collection}/${id}`)) {
          at(index, `links to ${quote(target)}, but ${collection as CollectionName}/${id} does not exist or is not published`);
        }
      }
    }
  }
  return problems;
}

/** A Markdown image path as a file path: without query or fragment, percent-escapes decoded. */
function decodeTarget(target: string): string {
  const file = target.split(/[?#]/)[0]!;
  try {
    return decodeURIComponent(file);
  } catch {
    return file;
  }
}

/** The text with code spans and fenced blocks blanked (same length), so examples in code are not linted. */
export function maskCode(markdown: string): string {
  const blank = (m: string) => m.replace(/[^\n]/g, ' ');
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, blank).replace(/`[^`\n]+`/g, blank);
}
