// Who a queue row can be assigned to: the active staff and admins (the users the workflow's
// `assignStep` accepts from a staff caller), by name, with the caller marked, and the row's current
// assignee kept as a choice even when they are no longer in the list (deactivated, another role).

export interface Person { id: string; name: string }

export interface AssigneeChoice { id: string; label: string }

export function assigneeChoices(lists: readonly (readonly Person[])[], meId: string | null | undefined, current?: Person | null): AssigneeChoice[] {
  const byId = new Map<string, Person>();
  for (const list of lists) for (const person of list) byId.set(person.id, person);
  if (current && !byId.has(current.id)) byId.set(current.id, current);
  return [...byId.values()]
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
    .map((p) => ({ id: p.id, label: p.id === meId ? `${p.name} (you)` : p.name }));
}
