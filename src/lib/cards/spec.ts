/**
 * What the build asks the renderer for: one card's words, people, colours and
 * image files. Plain data, so it can be hashed for the cache and sent to a
 * worker process.
 */
import type { CardLayout } from './template.ts';

/** An image file (a logo, an avatar) and the hash of its bytes, which is what the cache key sees. */
export interface AssetRef {
  file: string;
  sha256: string;
}

export interface CardSpec {
  /** `hub`, or `<collection>/<id>`: the card is served at `/og/<id>.png`. */
  id: string;
  layout: CardLayout;
  /** The kind of page, e.g. "Article" or "Campaign · 1–24 Dec 2026". */
  eyebrow: string;
  title: string;
  text?: string;
  /** Articles: the author, when published; people cards: the person. */
  person?: { name: string; role?: string; avatar?: AssetRef };
  /** Shown next to the logo: the hub's name, or the site's host on the hub card. */
  footer: string;
  brand: { hub: string; primary: string; accent: string; logo?: AssetRef };
}
