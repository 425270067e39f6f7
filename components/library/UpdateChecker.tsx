import { useEffect, useRef, useState } from 'preact/hooks';
import type { LibraryDB } from '@/utils/library/store';
import { checkForUpdates, outcomeSentence, runSummary, type UpdateDeps, type UpdateStep } from './check-updates';

export interface UpdateCheckerProps {
  db: LibraryDB;
  /** The stories the reader picked, in the order shown. */
  stories: Array<{ id: string; title: string }>;
  deps: UpdateDeps;
  /** A story got new chapters: the library shows it as it now is. */
  onAdded(id: string): void;
  onClose(): void;
  heading?: 'h2' | 'h3';
}

function stepText(step: UpdateStep): string {
  if (step.outcome) return outcomeSentence(step.outcome);
  if (step.phase === 'waiting') return 'Waiting';
  if (step.phase === 'fetching' && step.total) return `Fetching new chapters (${step.done ?? 0} of ${step.total})…`;
  if (step.phase === 'fetching') return 'Fetching new chapters…';
  return 'Checking the site…';
}

/**
 * One "check for updates" run over the picked stories: it starts when shown,
 * lists each story with its progress and outcome, and can be cancelled.
 */
export function UpdateChecker({ db, stories, deps, onAdded, onClose, heading: Heading = 'h3' }: UpdateCheckerProps) {
  const [steps, setSteps] = useState<UpdateStep[]>(() => stories.map((s) => ({ ...s, phase: 'waiting' })));
  const [running, setRunning] = useState(true);
  const abort = useRef(new AbortController());
  const added = useRef(onAdded);
  added.current = onAdded;

  useEffect(() => {
    const controller = abort.current;
    void checkForUpdates(db, stories, deps, {
      signal: controller.signal,
      onChange: setSteps,
      onAdded: (id) => added.current(id),
    }).finally(() => setRunning(false));
    // Leaving the library ends the run: nothing half-fetched is stored as whole.
    return () => controller.abort();
    // One run per mount: the parent mounts a new checker (a new key) for a new pick.
  }, []);

  const finished = steps.filter((s) => s.outcome).length;
  const title = running
    ? `Checking ${stories.length === 1 ? 'one story' : `${stories.length} stories`} for new chapters (${finished} of ${stories.length} done)`
    : runSummary(steps);

  return (
    <section class="update-check" data-ficshelf="update-check" data-state={running ? 'running' : 'done'} aria-labelledby="update-check-heading">
      <Heading id="update-check-heading" aria-live="polite">
        {title}
      </Heading>
      <ul class="update-steps">
        {steps.map((step) => (
          <li data-story-id={step.id} data-phase={step.phase} data-outcome={step.outcome?.kind ?? ''}>
            <span class="update-title">{step.title}</span>
            <span class="update-state" data-field="update-state">
              {stepText(step)}
            </span>
          </li>
        ))}
      </ul>
      {running ? (
        <button type="button" class="secondary" data-action="cancel-updates" onClick={() => abort.current.abort()}>
          Cancel
        </button>
      ) : (
        <button type="button" class="secondary" data-action="close-updates" onClick={onClose}>
          Close
        </button>
      )}
    </section>
  );
}
