/**
 * A long operation of the pane: its progress text while it runs, and the
 * user's message when it fails. Nothing is swallowed: a failure stays on
 * screen until the next run or until dismissed.
 */
import { useCallback, useRef, useState } from 'react';
import { userMessage, type UserMessage } from '../errors/user-message';

export interface Operation {
  /** What is happening now ("Reading 12 linked ranges…"), or null when idle. */
  progress: string | null;
  problem: UserMessage | null;
  run<T>(progress: string, work: (step: (text: string) => void) => Promise<T>): Promise<T | undefined>;
  dismiss(): void;
}

export function useOperation(): Operation {
  const [progress, setProgress] = useState<string | null>(null);
  const [problem, setProblem] = useState<UserMessage | null>(null);
  const running = useRef(false);

  const run = useCallback(
    async <T>(text: string, work: (step: (text: string) => void) => Promise<T>): Promise<T | undefined> => {
      if (running.current) return undefined;
      running.current = true;
      setProblem(null);
      setProgress(text);
      try {
        return await work(setProgress);
      } catch (error) {
        setProblem(userMessage(error));
        return undefined;
      } finally {
        running.current = false;
        setProgress(null);
      }
    },
    [],
  );
  return { progress, problem, run, dismiss: useCallback(() => setProblem(null), []) };
}
