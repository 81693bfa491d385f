import { catalog, NodeKind, nodeConfigs, Playbook } from '@firebreak/engine';
import { EntityManager } from 'typeorm';
import { SqlRow } from '../cases/sql-row';

/** A playbook graph that names a template: which one, where (draft, live version, a version runs are still on), and from which nodes. */
export interface TemplateReference {
  playbook: string;
  name: string;
  where: string;
  nodes: string[];
}

/** The nodes of a graph that name the template, through the catalog's own list of each kind's template references. */
export function nodesNaming(graph: Playbook, template: string): string[] {
  return (graph.nodes ?? []).flatMap((node) => {
    const spec = catalog[node.kind as NodeKind];
    const config = nodeConfigs[node.kind as NodeKind]?.safeParse(node.config ?? {});
    if (!spec?.templates || !config?.success) return [];
    const refs = (spec.templates as (c: unknown) => { names: string[] })(config.data);
    return refs.names.includes(template) ? [node.id] : [];
  });
}

/**
 * Every graph that would break without the template: each playbook's draft (it would not
 * publish), its live version (new interactions run on it), and any older version that runs
 * still in progress are pinned to (they render by name when they reach the node).
 */
export async function templateReferences(tx: EntityManager, template: string): Promise<TemplateReference[]> {
  const rows: SqlRow[] = await tx.query(
    `SELECT p.key, p.name, 'draft' AS where, p.draft AS graph FROM playbooks p
     UNION ALL
     SELECT p.key, p.name,
            CASE WHEN v.id = p.live_version_id THEN 'live version ' ELSE 'version ' END || v.version ||
            CASE WHEN v.id = p.live_version_id THEN '' ELSE ' (runs in progress)' END,
            v.graph
       FROM playbook_versions v JOIN playbooks p ON p.id = v.playbook_id
      WHERE v.id = p.live_version_id
         OR EXISTS (SELECT 1 FROM interactions i WHERE i.playbook_version_id = v.id AND i.status IN ('received', 'running', 'waiting'))`,
  );
  return rows
    .map((r) => ({ playbook: r.key as string, name: r.name as string, where: r.where as string, nodes: nodesNaming(r.graph, template) }))
    .filter((r) => r.nodes.length > 0)
    .sort((a, b) => a.playbook.localeCompare(b.playbook) || a.where.localeCompare(b.where));
}
