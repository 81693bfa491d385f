/**
 * The panels beside the playbook canvas, in tab order. Each concern registers its panel here
 * with one line (properties, test run, backtest, versions, live overlay).
 */
import type { WorkbenchPanel } from './workbench';
import { livePanel } from '../live/livePanel';
import { propertiesPanel } from '../properties';
import { runPanel } from '../run/runPanel';
import { backtestPanel } from '../backtest/backtestPanel';
import { versionsPanel } from '../versions/versionsPanel';

export const workbenchPanels: WorkbenchPanel[] = [propertiesPanel, runPanel, backtestPanel, versionsPanel, livePanel];
