import { titleCase } from '../lib/format';

export function PriorityBadge({ priority }: { priority: string }) {
  return <span className={`badge priority-${priority.toLowerCase()}`}>{titleCase(priority)}</span>;
}

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge status-${status.toLowerCase()}`}>{titleCase(status)}</span>;
}

export function OverdueBadge({ overdue }: { overdue: boolean }) {
  return overdue ? <span className="badge overdue" title="Past its due date">Overdue</span> : null;
}
