// Cursor pagination whose position lives in the URL (?after=…), so a page can be shared.
interface PageInfo { hasNextPage: boolean; endCursor?: string | null }

export function Pager({ pageInfo, after, total, shown, onPage }: {
  pageInfo?: PageInfo; after?: string; total?: number; shown: number; onPage: (after: string | undefined) => void;
}) {
  return (
    <nav className="pager" aria-label="Pages">
      <span>{total === undefined ? '' : `${shown} shown of ${total}`}</span>
      <button type="button" disabled={!after} onClick={() => onPage(undefined)}>First page</button>
      <button type="button" disabled={!pageInfo?.hasNextPage} onClick={() => onPage(pageInfo?.endCursor ?? undefined)}>Next page</button>
    </nav>
  );
}
