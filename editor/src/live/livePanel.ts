import { createElement } from 'react';
import type { WorkbenchPanel } from '../playbooks/workbench';
import { LiveOverlayPanel } from './LiveOverlayPanel';

/** The workbench tab with live counts per node (registered in playbooks/panels.ts). */
export const livePanel: WorkbenchPanel = { id: 'live', title: 'Live', render: (ctx) => createElement(LiveOverlayPanel, { ctx }) };
