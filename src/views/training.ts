/** Training as pages show it: the modules with what the progress island reads, and a module's prerequisites. */
import { type Entry, findPublished, published } from './hub.ts';

/** /training/: the published modules in course order, and each one's id and role for the progress island. */
export async function trainingPage(): Promise<{ modules: Entry<'training'>[]; progress: { id: string; role: string }[] }> {
  const modules = await published('training');
  return { modules, progress: modules.map((m) => ({ id: m.id, role: m.data.role })) };
}

/** The published modules to take before `module`, in the order it lists them. */
export async function prerequisitesOf(module: Entry<'training'>): Promise<Entry<'training'>[]> {
  const found = await Promise.all(module.data.requires.map((id) => findPublished('training', id)));
  return found.filter((m) => m !== undefined);
}
