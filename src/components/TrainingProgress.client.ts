/**
 * /training/: the learner picks their role (kept in the advocate's prefs);
 * the island shows how much of their path is passed, marks each module card
 * and shows the completion badge once every module of the role is passed.
 */
import { moduleStatus, roleCompletion, type ModuleInfo } from '../lib/training-progress.ts';
import { readPrefs, writePrefs } from '../client/advocate-store.ts';
import { onProgressChange, readTraining } from '../client/progress-store.ts';
import { type IslandKey, formatDay, stringsOf } from '../client/island-strings.ts';

const root = document.querySelector<HTMLElement>('[data-training-progress]');
if (root) {
  const s = stringsOf<IslandKey<'trainingProgress'>>(root);
  const modules = JSON.parse(root.dataset.modules ?? '[]') as ModuleInfo[];
  const select = root.querySelector<HTMLSelectElement>('[data-role]')!;
  const roles = [...select.options].map((o) => o.value).filter(Boolean);
  const summary = root.querySelector<HTMLElement>('[data-summary]')!;
  const meter = root.querySelector<HTMLProgressElement>('[data-meter]')!;
  const badge = root.querySelector<HTMLElement>('[data-badge]')!;
  const badgeText = root.querySelector<HTMLElement>('[data-badge-text]')!;
  root.hidden = false;

  select.addEventListener('change', () => writePrefs({ role: select.value || undefined }));

  onProgressChange(() => {
    const stored = readPrefs().role;
    const role = stored && roles.includes(stored) ? stored : undefined;
    select.value = role ?? '';
    const progress = readTraining();
    const completion = roleCompletion(modules, progress, role);

    for (const card of document.querySelectorAll<HTMLElement>('[data-module-progress]')) {
      const id = card.dataset.moduleProgress!;
      const status = moduleStatus(progress, id);
      const label = card.querySelector<HTMLElement>('[data-status]')!;
      label.textContent = status === 'tried' ? s('training.status.tried', { best: progress[id]!.best, total: progress[id]!.total }) : s(`training.status.${status}`);
      label.classList.toggle('muted', status !== 'passed');
      card.querySelector<HTMLElement>('[data-in-path]')!.hidden = !role || !completion.required.includes(id);
      card.hidden = false;
    }

    const text = role ? s('training.pathProgress', { passed: completion.passed.length, total: completion.required.length }) : s('training.pickRole');
    if (summary.textContent !== text) summary.textContent = text;
    meter.hidden = !role;
    meter.max = Math.max(1, completion.required.length);
    meter.value = completion.passed.length;
    meter.setAttribute('aria-label', text);
    badge.hidden = !completion.complete;
    if (completion.complete) {
      const roleLabel = select.selectedOptions[0]?.textContent?.trim() ?? role ?? '';
      badgeText.textContent = s('training.badgeText', { role: roleLabel, date: formatDay(completion.completedAt ?? new Date().toISOString()) });
    }
  });
}
