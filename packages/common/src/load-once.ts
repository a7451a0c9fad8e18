/**
 * A module (or anything else) loaded on first use and then shared: `const excel = loadOnce(() => import('exceljs'))`,
 * then `await excel()` where it is needed. For dependencies only some paths use (exports, SMTP, S3,
 * Ollama...): each costs every process several MB of heap from the moment it is imported (bench/README.md,
 * memory). One promise for every caller also keeps jest's ESM loader, which fails on concurrent
 * dynamic imports of one module, working when several subgraphs start at once.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    if (!loading) {
      loading = load();
      // A failed load is not remembered, so the next call tries again.
      loading.catch(() => { loading = undefined; });
    }
    return loading;
  };
}
