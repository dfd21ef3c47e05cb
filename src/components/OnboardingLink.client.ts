/** The onboarding link chooser: mentor, team and code update the link as they change; the link copies with one click. */
import { normalizeCode } from '../model/ids.ts';
import { onboardingLink } from '../lib/onboarding.ts';
import { type IslandKey, stringsOf } from '../client/island-strings.ts';

for (const root of document.querySelectorAll<HTMLElement>('[data-invite]')) {
  const s = stringsOf<IslandKey<'onboardingLink'>>(root);
  const field = (name: string) => root.querySelector<HTMLInputElement | HTMLSelectElement>(`[data-choose="${name}"]`)!;
  const output = root.querySelector<HTMLInputElement>('[data-link]')!;
  const codeStatus = root.querySelector<HTMLElement>('[data-code-status]')!;
  const copyStatus = root.querySelector<HTMLElement>('[data-copy-status]')!;
  for (const element of root.querySelectorAll<HTMLElement>('[data-js-only]')) element.hidden = false;

  const update = () => {
    const ref = field('ref').value.trim();
    output.value = onboardingLink(root.dataset.base!, { mentor: field('mentor').value, team: field('team').value, ref }, { mentor: root.dataset.defaultMentor });
    const invalid = ref !== '' && !normalizeCode(ref);
    codeStatus.textContent = invalid ? s('tracks.inviteCodeInvalid') : '';
    field('ref').setAttribute('aria-invalid', String(invalid));
    copyStatus.textContent = '';
  };
  for (const name of ['mentor', 'team', 'ref']) field(name).addEventListener('input', update);
  update();

  root.querySelector<HTMLButtonElement>('[data-copy]')!.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(output.value);
      copyStatus.textContent = s('tracks.copied');
    } catch {
      output.focus();
      output.select();
      copyStatus.textContent = s('tracks.copyFailed');
    }
  });
}
