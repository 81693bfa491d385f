import './properties.css';
import type { WorkbenchContext } from '../playbooks/workbench';
import { mayManage } from '../auth/access';
import { useSession } from '../auth/session';
import { NodeProperties } from './NodeProperties';
import { PlaybookSettings } from './PlaybookSettings';
import { ReadOnlyContext } from '../monaco/readOnly';

/** The Properties tab: the selected node's form, or the playbook's own settings when nothing is selected. */
export function PropertiesPanel({ ctx }: { ctx: WorkbenchContext }) {
  const node = ctx.selectedNodeId ? ctx.playbook.nodes.find((n) => n.id === ctx.selectedNodeId) : undefined;
  const session = useSession();
  // Those who only read see the same form, disabled: the workbench ignores their edits anyway.
  const readOnly = !!session && !mayManage(session.user.role);
  return (
    <div className="properties" data-testid="properties">
      <fieldset className="properties-all" disabled={readOnly}>
        {readOnly && <p className="muted">Read only: managers edit playbooks.</p>}
        <ReadOnlyContext.Provider value={readOnly}>
          {node ? <NodeProperties key={node.id} ctx={ctx} node={node} /> : <PlaybookSettings ctx={ctx} />}
        </ReadOnlyContext.Provider>
      </fieldset>
    </div>
  );
}
