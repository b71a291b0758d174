// The memory source that speaks about a .society file: the one shown, when its run's scenario
// brings that file in. Every memory feature in the editor asks here.
import type { MemorySource } from '../../core/memory/memorySource';
import type { Projects } from '../projects';
import type { MemoryHub } from './memoryHub';
import { runCovers } from './runScope';

export async function memorySourceFor(
  hub: MemoryHub,
  projects: Projects,
  file: string,
): Promise<MemorySource | undefined> {
  const source = hub.active;
  if (!source?.header || !(await runCovers(projects, source, file))) return undefined;
  return source;
}
