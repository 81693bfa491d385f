import { createElement } from 'react';
import type { WorkbenchPanel } from '../playbooks/workbench';
import { VersionsPanel } from './VersionsPanel';

/** The workbench tab with the history, the visual diff and rollback (registered in playbooks/panels.ts). */
export const versionsPanel: WorkbenchPanel = { id: 'versions', title: 'Versions', render: (ctx) => createElement(VersionsPanel, { ctx }) };
