/** /you/: what the page's island checks a device link against, and the words it shows stored ids in. */
import { guidelinesVersion } from './page-key.ts';
import type { KnownIds, YourHubLabels } from '../lib/device-transfer.ts';
import { ROLES } from '../model/schemas/people.ts';
import { NETWORKS } from '../model/networks.ts';
import { published, settings } from './hub.ts';
import { networkName, roleName, teamName } from './labels.ts';
import { trackSummaries } from './track.ts';

export async function yourHubPage(): Promise<{ known: KnownIds; labels: YourHubLabels }> {
  const tracks = await trackSummaries();
  const mentors = (await published('people')).filter((p) => p.data.mentor);
  const modules = await published('training');
  const teams = settings.teams.filter((team) => team !== 'all');
  const stepRefs = [...new Set(tracks.flatMap((track) => track.steps.flatMap((step) => (step.ref ? [step.ref] : []))))];
  const known: KnownIds = {
    teams,
    mentors: mentors.map((m) => m.id),
    roles: [...ROLES],
    modules: modules.map((m) => m.id),
    tracks: Object.fromEntries(tracks.map((track) => [track.id, track.steps.map((step) => step.key)])),
    guidelinesVersion: await guidelinesVersion(),
    stepRefs,
  };
  const labels: YourHubLabels = {
    teams: Object.fromEntries(teams.map((team) => [team, teamName(team)])),
    mentors: Object.fromEntries(mentors.map((m) => [m.id, m.data.name])),
    roles: Object.fromEntries(ROLES.map((role) => [role, roleName(role)])),
    modules: Object.fromEntries(modules.map((m) => [m.id, m.data.title])),
    tracks: Object.fromEntries(
      tracks.map((track) => [track.id, { title: track.title, href: track.href, steps: Object.fromEntries(track.steps.map((step) => [step.key, step.label])) }]),
    ),
    entries: Object.fromEntries(tracks.flatMap((track) => track.steps.flatMap((step) => (step.ref ? [[step.ref, step.label]] : [])))),
    networks: Object.fromEntries(NETWORKS.map((network) => [network.id, networkName(network.id)])),
  };
  return { known, labels };
}
