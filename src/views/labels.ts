/**
 * Names of values as readers of the hub's language see them. Values the hub itself defines (training
 * levels, advocacy roles, the team "all", a network whose name is a word) are UI strings, keyed by the
 * value and typed from the schema's enum, so a new value without a string fails `astro check`. Values
 * editors define (teams, topics) are their own words, made readable by humanize().
 */
import { humanize } from '../lib/labels.ts';
import { EVERYONE } from '../model/schemas/settings.ts';
import type { LEVELS } from '../model/schemas/training.ts';
import type { ROLES } from '../model/schemas/people.ts';
import { type NetworkId, type TranslatedNetworkId, network } from '../model/networks.ts';
import { t } from './hub.ts';

export type Level = (typeof LEVELS)[number];
/** An advocacy role, or "all" for a training module meant for every role. */
export type RoleOrAll = (typeof ROLES)[number] | typeof EVERYONE;

/** A training module's level: "Starter", "Einstieg" … */
export function levelName(level: Level): string {
  return t(`training.level.${level}`);
}

/** An advocacy role: "Listener", "Zuhören" … ("all": "For everyone"). */
export function roleName(role: RoleOrAll): string {
  return t(`training.role.${role}`);
}

/** A team from settings: "all" is the hub's own word, the others the editors'. */
export function teamName(team: string): string {
  return team === EVERYONE ? t('team.all') : humanize(team);
}

/** A topic from settings, in the editors' words. */
export function topicName(topic: string): string {
  return humanize(topic);
}

const translated = (id: NetworkId): id is TranslatedNetworkId => network(id).translated === true;

/** A network's name: its brand as it is, or a word ("E-mail") in the hub's language. */
export function networkName(id: NetworkId): string {
  return translated(id) ? t(`network.${id}`) : network(id).label;
}

/** `text` in the hub's language's quotation marks: “…” in English, „…“ in German, «…» in Arabic. */
export function quoted(text: string): string {
  return t('quote', { text });
}
