/** Ids (teams, topics, roles) as readers see them: "customer-care" → "Customer care". */
export function humanize(id: string): string {
  const words = id.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Up to two initials of a name, for avatars without a photo. */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/u).filter(Boolean);
  const first = parts[0] ? [...parts[0]][0] : '';
  const last = parts.length > 1 ? [...parts[parts.length - 1]!][0] : '';
  return `${first ?? ''}${last ?? ''}`.toUpperCase();
}

/** The start of a text, cut at a word boundary, for card excerpts. */
export function excerpt(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:!?-]+$/, '')}…`;
}
