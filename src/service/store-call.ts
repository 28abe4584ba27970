import { PaylinksError } from "../issues/paylinks-error";

/**
 * Runs a storage operation and turns its failure into a `storage_failed` error naming what was being done,
 * with the original error as `cause`. Internal.
 */
export async function storeCall<T>(what: string, operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (error instanceof PaylinksError) throw error;
    throw new PaylinksError("storage_failed", `Storage failed while ${what}`, {
      cause: error,
      details: { operation: what },
    });
  }
}
