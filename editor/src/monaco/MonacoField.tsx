import { useContext, useEffect, useRef, useState } from 'react';
import type * as Monaco from 'monaco-editor/editor/editor.api';
import { loadMonaco } from './load';
import { setTemplateVariables, type TemplateVariable } from './handlebars';
import { ReadOnlyContext } from './readOnly';

export interface OffsetError {
  start: number;
  end: number;
  message: string;
}

interface Props {
  id: string;
  value: string;
  onChange(text: string): void;
  onBlur?(): void;
  language: string;
  ariaLabel: string;
  describedBy?: string;
  /** Underlined at their offsets (Monaco markers) and listed by the caller. */
  errors?: OffsetError[];
  /** Handlebars completion: the variables available here. */
  variables?: TemplateVariable[];
  placeholder?: string;
  maxLines?: number;
  testId?: string;
}

const LINE = 19;
let modelCount = 0;

/**
 * A small Monaco editor for one form field, growing with its content. Until Monaco has
 * loaded (it loads on first use) the field is a plain text box with the same value, so typing
 * never waits for it. Tab leaves the field, like any other form control.
 */
export function MonacoField({
  id,
  value,
  onChange,
  onBlur,
  language,
  ariaLabel,
  describedBy,
  errors,
  variables,
  placeholder,
  maxLines = 10,
  testId,
}: Props) {
  const readOnly = useContext(ReadOnlyContext);
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<Monaco.editor.IStandaloneCodeEditor | null>(null);
  const monacoRef = useRef<typeof Monaco | null>(null);
  const [ready, setReady] = useState(false);
  const [height, setHeight] = useState(LINE + 10);
  const callbacks = useRef({ onChange, onBlur });
  callbacks.current = { onChange, onBlur };
  // Texts the editor sent that have not come back as `value` yet. While typing fast, renders
  // lag behind the editor: such a `value` is an echo, never applied; any other came from
  // outside (undo, another node) and replaces the text.
  const pending = useRef<string[]>([]);

  useEffect(() => {
    let disposed = false;
    loadMonaco().then(
      (monaco) => {
        if (disposed || !host.current) return;
        monacoRef.current = monaco;
        const model = monaco.editor.createModel(value, language, monaco.Uri.parse(`inmemory://firebreak/field-${++modelCount}`));
        const editor = monaco.editor.create(host.current, {
          model,
          theme: 'firebreak',
          ariaLabel,
          placeholder,
          readOnly,
          automaticLayout: true,
          fixedOverflowWidgets: true,
          minimap: { enabled: false },
          lineNumbers: 'off',
          glyphMargin: false,
          folding: false,
          lineDecorationsWidth: 6,
          lineNumbersMinChars: 0,
          renderLineHighlight: 'none',
          overviewRulerLanes: 0,
          hideCursorInOverviewRuler: true,
          scrollBeyondLastLine: false,
          wordWrap: 'on',
          wrappingIndent: 'none',
          fontSize: 13,
          lineHeight: LINE,
          padding: { top: 5, bottom: 5 },
          tabFocusMode: true,
          contextmenu: false,
          quickSuggestions: { other: true, strings: true, comments: false },
          wordBasedSuggestions: 'off',
          scrollbar: { vertical: 'auto', horizontal: 'hidden', alwaysConsumeMouseWheel: false },
        });
        editorRef.current = editor;
        editor.onDidChangeModelContent(() => {
          const text = model.getValue();
          pending.current.push(text);
          callbacks.current.onChange(text);
        });
        editor.onDidBlurEditorText(() => callbacks.current.onBlur?.());
        editor.onDidContentSizeChange((e) => setHeight(Math.min(e.contentHeight, maxLines * LINE + 10)));
        setHeight(Math.min(editor.getContentHeight(), maxLines * LINE + 10));
        setReady(true);
      },
      () => undefined, // the plain text box stays: still a working field
    );
    return () => {
      disposed = true;
      const editor = editorRef.current;
      editorRef.current = null;
      editor?.getModel()?.dispose();
      editor?.dispose();
    };
    // The editor is created once per field; later prop changes are applied below.
  }, []);

  // A value changed from outside (undo, another node) replaces the text.
  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    const echo = pending.current.lastIndexOf(value);
    if (echo >= 0) {
      pending.current = pending.current.slice(echo + 1);
      return;
    }
    pending.current = [];
    if (model.getValue() !== value) model.setValue(value);
  }, [value, ready]);

  useEffect(() => {
    const monaco = monacoRef.current;
    const model = editorRef.current?.getModel();
    if (!monaco || !model) return;
    monaco.editor.setModelMarkers(
      model,
      'firebreak',
      (errors ?? []).map((e) => offsetMarker(monaco, model, e)),
    );
  }, [errors, ready]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (model && variables) setTemplateVariables(model, variables);
  }, [variables, ready]);

  useEffect(() => editorRef.current?.updateOptions({ readOnly }), [readOnly, ready]);

  useEffect(() => {
    if (!ready) return;
    // The label's `for` and the help text reach the editor's own text box.
    const box = host.current?.querySelector('[role="textbox"]');
    box?.setAttribute('id', id);
    if (describedBy) box?.setAttribute('aria-describedby', describedBy);
    else box?.removeAttribute('aria-describedby');
  }, [ready, describedBy, id]);

  return (
    // "nokey": Monaco types into a div (EditContext), which React Flow does not know as a text
    // field; without it Space would pan the canvas and Backspace delete the selected node.
    <div className="monaco-field nokey" data-testid={testId} data-ready={ready || undefined}>
      <div ref={host} className="monaco-host" style={{ height: ready ? height : 0 }} />
      {!ready && (
        <textarea
          id={id}
          className="input monaco-fallback"
          value={value}
          aria-label={ariaLabel}
          aria-describedby={describedBy}
          placeholder={placeholder}
          rows={Math.min(maxLines, Math.max(1, value.split('\n').length))}
          onChange={(e) => callbacks.current.onChange(e.target.value)}
          onBlur={() => callbacks.current.onBlur?.()}
        />
      )}
    </div>
  );
}

function offsetMarker(monaco: typeof Monaco, model: Monaco.editor.ITextModel, e: OffsetError): Monaco.editor.IMarkerData {
  const from = model.getPositionAt(e.start);
  const to = model.getPositionAt(Math.max(e.end, e.start + 1));
  // An error at the very end (a missing term) still gets one visible character to underline.
  const atEnd = from.lineNumber === to.lineNumber && from.column === to.column;
  return {
    severity: monaco.MarkerSeverity.Error,
    message: e.message,
    startLineNumber: from.lineNumber,
    startColumn: atEnd ? Math.max(1, from.column - 1) : from.column,
    endLineNumber: to.lineNumber,
    endColumn: to.column,
  };
}
