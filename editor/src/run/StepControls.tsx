/** Play / step / back through a run: the canvas and the step list follow the cursor. */
export function StepControls({
  cursor,
  count,
  playing,
  onCursor,
  onPlaying,
}: {
  cursor: number;
  count: number;
  playing: boolean;
  onCursor: (next: number) => void;
  onPlaying: (playing: boolean) => void;
}) {
  const last = count - 1;
  const go = (n: number) => {
    onPlaying(false);
    onCursor(Math.max(0, Math.min(last, n)));
  };
  return (
    <div className="run-controls" role="toolbar" aria-label="Step through the run">
      <button
        type="button"
        className="button-quiet"
        data-testid="run-first"
        onClick={() => go(0)}
        disabled={cursor === 0}
        aria-label="First step"
      >
        « First
      </button>
      <button
        type="button"
        className="button-quiet"
        data-testid="run-back"
        onClick={() => go(cursor - 1)}
        disabled={cursor === 0}
        aria-label="Step back"
      >
        ◀ Back
      </button>
      <button
        type="button"
        className="button"
        data-testid="run-play"
        onClick={() => {
          if (!playing && cursor >= last) onCursor(0); // play again from the start
          onPlaying(!playing);
        }}
        aria-label={playing ? 'Pause' : 'Play the run step by step'}
      >
        {playing ? '❚❚ Pause' : '▶ Play'}
      </button>
      <button
        type="button"
        className="button-quiet"
        data-testid="run-step"
        onClick={() => go(cursor + 1)}
        disabled={cursor >= last}
        aria-label="Next step"
      >
        Step ▶
      </button>
      <button
        type="button"
        className="button-quiet"
        data-testid="run-last"
        onClick={() => go(last)}
        disabled={cursor >= last}
        aria-label="Last step"
      >
        Last »
      </button>
      <span className="run-position" data-testid="run-position" aria-live="polite">
        Step {cursor + 1} of {count}
      </span>
    </div>
  );
}
