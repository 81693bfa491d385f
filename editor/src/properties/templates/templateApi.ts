/** The template endpoints the properties panel uses, over the app's one client. */
import { api } from '../../api/client';

/** Sources saved in this session: previews elsewhere in the panel see them before the next reload. */
export const savedSources = new Map<string, string>();

export async function saveTemplate(name: string, source: string): Promise<void> {
  await api.request('PUT', `/templates/${encodeURIComponent(name)}`, { source });
  savedSources.set(name, source);
}
