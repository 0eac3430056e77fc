/**
 * Runs `work` again when it fails with an error PostgreSQL asks the client to retry (a deadlock victim, a
 * serialization failure): the work must be a whole transaction, so a retry starts from a clean state.
 * Any other error, or the last attempt's, is thrown as it is.
 */
export async function retryTransient<T>(
  work: () => Promise<T>,
  options: { retryOn: RegExp; attempts?: number; onRetry?: (attempt: number) => void },
): Promise<T> {
  const attempts = options.attempts ?? 3;
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !options.retryOn.test(String(error))) throw error;
      options.onRetry?.(attempt);
    }
  }
}
