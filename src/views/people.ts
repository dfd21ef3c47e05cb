/** People as pages show them: the shining stars, the mentors with the paths they mentor, and a person's page. */
import { excerpt } from '../lib/labels.ts';
import { type Entry, published, publishedWhere } from './hub.ts';

/** Published people with a spotlight quote: the "shining stars", by name. */
export async function shiningStars(): Promise<Entry<'people'>[]> {
  return (await published('people')).filter((p) => p.data.spotlight);
}

export interface MentorItem {
  person: Entry<'people'>;
  /** The onboarding tracks this person mentors by default. */
  tracks: Entry<'tracks'>[];
}

/** /people/: the shining stars, the mentors with their tracks, and everyone, each by name. */
export async function peoplePage(): Promise<{ stars: Entry<'people'>[]; mentors: MentorItem[]; everyone: Entry<'people'>[] }> {
  const [everyone, tracks] = await Promise.all([published('people'), published('tracks')]);
  return {
    stars: await shiningStars(),
    mentors: everyone.filter((p) => p.data.mentor).map((person) => ({ person, tracks: tracks.filter((track) => track.data.mentor === person.id) })),
    everyone,
  };
}

/** /people/<id>/: the meta description, the person's published articles and the tracks they mentor. */
export async function personPage(person: Entry<'people'>): Promise<{ description: string; articles: Entry<'articles'>[]; tracks: Entry<'tracks'>[] }> {
  const { name, title, spotlight } = person.data;
  return {
    description: spotlight ?? excerpt(person.body ?? `${name}, ${title}`, 155),
    articles: await publishedWhere('articles', 'author', person.id),
    tracks: await publishedWhere('tracks', 'mentor', person.id),
  };
}
