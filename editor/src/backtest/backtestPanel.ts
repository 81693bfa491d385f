import { createElement } from 'react';
import type { WorkbenchPanel } from '../playbooks/workbench';
import { BacktestPanel } from './BacktestPanel';

/** The workbench tab that replays recorded interactions on the draft (registered in playbooks/panels.ts). */
export const backtestPanel: WorkbenchPanel = { id: 'backtest', title: 'Backtest', render: (ctx) => createElement(BacktestPanel, { ctx }) };
