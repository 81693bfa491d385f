import type { WorkbenchPanel } from '../playbooks/workbench';
import { PropertiesPanel } from './PropertiesPanel';

/** Registered first in `playbooks/panels.ts`. */
export const propertiesPanel: WorkbenchPanel = {
  id: 'properties',
  title: 'Properties',
  render: (ctx) => <PropertiesPanel ctx={ctx} />,
};
