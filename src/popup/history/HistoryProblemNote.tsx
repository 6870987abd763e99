// Says so above the history when the last check could not be saved in it (src/background/history-health.ts).
import { useEffect, useState } from 'preact/hooks';
import type { HistoryProblem } from '../../shared/history-types';
import type { PopupData } from '../data';

export function HistoryProblemNote({ data }: { data: PopupData }) {
  const [problem, setProblem] = useState<HistoryProblem | null>(null);
  useEffect(() => {
    data.historyProblem().then(setProblem, () => setProblem(null));
  }, [data]);
  if (!problem) return null;
  return (
    <p class="error-text history-problem" role="alert">
      Recent checks could not be saved in the history ({new Date(problem.at).toLocaleString()}): {problem.message}
    </p>
  );
}
