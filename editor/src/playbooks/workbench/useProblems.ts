import { useEffect, useState } from 'react';
import { validate, type Playbook, type Problem } from '@firebreak/engine';

/** How long the draft must rest before it is validated again: typing stays fluid. */
export const VALIDATE_DEBOUNCE_MS = 150;

/**
 * The validator's problems for the draft, computed in the browser by the engine's own
 * `validate()` (the same one publish runs), debounced while the draft keeps changing.
 */
export function useProblems(draft: Playbook, templates: Record<string, string> | null): Problem[] {
  const [problems, setProblems] = useState<Problem[]>(() => check(draft, templates));
  useEffect(() => {
    const t = setTimeout(() => setProblems(check(draft, templates)), VALIDATE_DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [draft, templates]);
  return problems;
}

// Without the template list (it failed to load) the "template exists" check is skipped rather
// than reporting every template as missing; publish checks it on the server anyway.
const check = (draft: Playbook, templates: Record<string, string> | null) => validate(draft, templates ? { templates } : {});
