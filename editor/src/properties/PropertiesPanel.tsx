import './properties.css';
import type { WorkbenchContext } from '../playbooks/workbench';
import { NodeProperties } from './NodeProperties';
import { PlaybookSettings } from './PlaybookSettings';

/** The Properties tab: the selected node's form, or the playbook's own settings when nothing is selected. */
export function PropertiesPanel({ ctx }: { ctx: WorkbenchContext }) {
  const node = ctx.selectedNodeId ? ctx.playbook.nodes.find((n) => n.id === ctx.selectedNodeId) : undefined;
  return (
    <div className="properties" data-testid="properties">
      {node ? <NodeProperties key={node.id} ctx={ctx} node={node} /> : <PlaybookSettings ctx={ctx} />}
    </div>
  );
}
