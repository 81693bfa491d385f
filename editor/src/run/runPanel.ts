import { createElement } from 'react';
import type { WorkbenchPanel } from '../playbooks/workbench';
import { RunPanel } from './RunPanel';

/** The workbench tab that test-runs the draft in the browser (registered in playbooks/panels.ts). */
export const runPanel: WorkbenchPanel = { id: 'run', title: 'Test run', render: (ctx) => createElement(RunPanel, { ctx }) };
