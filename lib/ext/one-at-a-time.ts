/**
 * Runs the tasks given to it one after the other, each once the one before
 * has settled (failed or not), so that each sees what the previous one wrote.
 */
export function oneAtATime(): <T>(task: () => Promise<T>) => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return (task) => {
    const run = last.then(task, task);
    last = run.catch(() => {});
    return run;
  };
}
