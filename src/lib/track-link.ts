/** The default onboarding link of a track: absolute, with the track's team preset. */
import { onboardingLink } from './onboarding.ts';
import { absolute, entryPath } from './urls.ts';

export function defaultTrackLink(track: { id: string; data: { team?: string } }, site: string): string {
  return onboardingLink(absolute(entryPath('tracks', track.id), site), { team: track.data.team !== 'all' ? track.data.team : undefined });
}
