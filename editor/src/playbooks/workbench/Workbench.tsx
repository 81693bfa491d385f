import './workbench.css';
import { useCallback, useMemo, useRef, useState } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import type { NodeKind, Playbook } from '@firebreak/engine';
import { api, type PlaybookDetail } from '../../api/client';
import { mayManage } from '../../auth/access';
import { useSession } from '../../auth/session';
import { LiveBadge } from '../LiveBadge';
import { Palette } from '../canvas/Palette';
import { PlaybookCanvas } from '../canvas/PlaybookCanvas';
import { sameGraph } from '../graph/equal';
import type { XY } from '../graph/ops';
import { workbenchPanels } from '../panels';
import { saveDraft, type PublishResult } from '../playbooksApi';
import type { CanvasOverlay, WorkbenchContext } from '../workbench';
import { ProblemsPanel } from './ProblemsPanel';
import { PublishDialog } from './PublishDialog';
import { SaveStatus } from './SaveStatus';
import { ShortcutHelp } from './ShortcutHelp';
import { SidePanels } from './SidePanels';
import { useShortcuts } from './shortcuts';
import { useAutosave } from './useAutosave';
import { useCanvasCommands } from './useCanvasCommands';
import { useHistory } from './useHistory';
import { useProblems } from './useProblems';

export interface WorkbenchProps {
  detail: PlaybookDetail;
  /** Template sources by name; null when they could not be loaded (validation then skips them). */
  templates: Record<string, string> | null;
}

/** The playbook workbench: palette, editable canvas, side panels, autosave and publish. */
export function Workbench(props: WorkbenchProps) {
  return (
    <ReactFlowProvider>
      <WorkbenchInner {...props} />
    </ReactFlowProvider>
  );
}

function WorkbenchInner({ detail: loaded, templates }: WorkbenchProps) {
  const session = useSession();
  const readOnly = !!session && !mayManage(session.user.role);
  const [detail, setDetail] = useState(loaded);
  const history = useHistory(loaded.draft);
  const { draft, edit } = history;
  const problems = useProblems(draft, templates);
  const autosave = useAutosave(draft, saveDraft);
  const [selectedNodeId, setSelectedNodeId] = useState<string | null>(null);
  const [focus, setFocus] = useState<{ id: string; seq: number } | null>(null);
  const [overlay, setOverlay] = useState<CanvasOverlay | null>(null);
  const [publishing, setPublishing] = useState(false);
  const [published, setPublished] = useState<PublishResult | null>(null);
  const [help, setHelp] = useState(false);
  const pendingSelection = useRef<string[] | null>(null);
  const commands = useCanvasCommands(draft, edit, pendingSelection);
  const errors = problems.filter((p) => p.severity === 'error').length;

  const selectNode = useCallback((id: string | null) => {
    setSelectedNodeId(id);
    if (id) setFocus((f) => ({ id, seq: (f?.seq ?? 0) + 1 }));
  }, []);
  const onSelectionChange = useCallback((ids: string[]) => setSelectedNodeId(ids.length === 1 ? ids[0] : null), []);
  const onDropKind = useCallback((kind: NodeKind, at: XY) => commands.add(kind, at), [commands]);
  const safeEdit = useCallback((next: Playbook, label: string) => !readOnly && edit(next, label), [edit, readOnly]);

  const { markSaved, saved, flush } = autosave;
  const reload = useCallback(async () => {
    const fresh = await api.playbooks.get(loaded.key);
    setDetail(fresh);
    // Someone changed the draft on the server (a rollback): take theirs, as an undoable step.
    if (!sameGraph(fresh.draft, saved())) {
      markSaved(fresh.draft);
      edit(fresh.draft, 'Reload the draft from the server');
    }
  }, [loaded.key, saved, markSaved, edit]);

  const ctx: WorkbenchContext = useMemo(
    () => ({
      detail,
      playbook: draft,
      problems,
      templates: templates ?? {},
      edit: safeEdit,
      selectedNodeId,
      selectNode,
      setOverlay,
      reload: () => void reload().catch(() => {}),
    }),
    [detail, draft, problems, templates, safeEdit, selectedNodeId, selectNode, reload],
  );

  useShortcuts(
    {
      remove: commands.deleteSelection,
      undo: history.undo,
      redo: history.redo,
      copy: () => void commands.copy(),
      cut: () => void commands.cut(),
      paste: () => void commands.paste(),
      duplicate: commands.duplicate,
      selectAll: commands.selectAll,
      layout: () => void commands.layout(),
      fit: commands.fit,
      help: () => setHelp((h) => !h),
    },
    !readOnly,
  );

  const onPublished = (result: PublishResult) => {
    setPublishing(false);
    setPublished(result);
    void reload().catch(() => {});
  };
  const blocked = errors > 0 ? `Fix the ${errors} error${errors === 1 ? '' : 's'} listed under Problems first.` : null;

  return (
    <>
      <header className="page-header row workbench-header">
        <h1 id="playbook-title">{detail.name}</h1>
        <LiveBadge live={detail.liveVersion} />
        {readOnly ? <span className="pill pill-muted">read only</span> : <SaveStatus status={autosave.status} onRetry={autosave.retry} />}
        <div className="toolbar" role="toolbar" aria-label="Canvas">
          <button
            type="button"
            className="tool"
            onClick={history.undo}
            disabled={readOnly || !history.undoLabel}
            title={history.undoLabel ? `Undo: ${history.undoLabel} (Ctrl+Z)` : 'Nothing to undo'}
            data-testid="undo"
          >
            Undo
          </button>
          <button
            type="button"
            className="tool"
            onClick={history.redo}
            disabled={readOnly || !history.redoLabel}
            title={history.redoLabel ? `Redo: ${history.redoLabel} (Ctrl+Shift+Z)` : 'Nothing to redo'}
            data-testid="redo"
          >
            Redo
          </button>
          <button
            type="button"
            className="tool"
            onClick={() => void commands.layout()}
            disabled={readOnly}
            title="Auto-layout, left to right (Shift+L)"
            data-testid="auto-layout"
          >
            Auto-layout
          </button>
          <button type="button" className="tool" onClick={commands.fit} title="Zoom to fit (F)" data-testid="fit-view">
            Fit
          </button>
          <button
            type="button"
            className="tool"
            onClick={() => setHelp(true)}
            title="Keyboard shortcuts (?)"
            aria-label="Keyboard shortcuts"
            data-testid="shortcuts"
          >
            ?
          </button>
        </div>
        {!readOnly && (
          <div className="publish">
            {blocked && (
              <span className="publish-blocked" id="publish-blocked" data-testid="publish-blocked">
                {blocked}
              </span>
            )}
            <button
              type="button"
              className="button"
              disabled={!!blocked}
              aria-describedby={blocked ? 'publish-blocked' : undefined}
              onClick={() => setPublishing(true)}
              data-testid="publish"
            >
              Publish…
            </button>
          </div>
        )}
      </header>
      {published && (
        <div className={`publish-result ${published.kind}`} role="status" data-testid="publish-result">
          {published.kind === 'published'
            ? `Published: version ${published.version} is live for new messages.`
            : 'Publish requested: waiting for a second manager to approve it.'}
          <button type="button" className="link" onClick={() => setPublished(null)}>
            Dismiss
          </button>
        </div>
      )}
      <div className={readOnly ? 'workbench is-read-only' : 'workbench'}>
        {!readOnly && <Palette onAdd={commands.add} hasStart={draft.nodes.some((n) => n.kind === 'start')} />}
        <PlaybookCanvas
          playbook={draft}
          problems={problems}
          overlay={overlay}
          edit={safeEdit}
          onDropKind={onDropKind}
          onSelectionChange={onSelectionChange}
          focus={focus}
          pendingSelection={pendingSelection}
          readOnly={readOnly}
        />
        <SidePanels
          problemsTab={<ProblemsPanel problems={problems} playbook={draft} onFocus={selectNode} />}
          problemCount={problems.length}
          errorCount={errors}
          panels={workbenchPanels}
          ctx={ctx}
        />
      </div>
      <PublishDialog playbookKey={detail.key} open={publishing} onClose={() => setPublishing(false)} flush={flush} onDone={onPublished} />
      <ShortcutHelp open={help} onClose={() => setHelp(false)} />
    </>
  );
}
