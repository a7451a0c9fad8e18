// Who a queue row can be assigned to: the active staff and admins (the users the workflow's
// `assignStep` accepts from a staff caller), by name, with the caller marked, and the row's current
// assignee kept as a choice even when they are no longer in the list (deactivated, another role).
// Two people with one name are told apart by their email (or, when it is hidden, their id).

export interface Person { id: string; name: string; email?: string | null }

export interface AssigneeChoice { id: string; label: string }

export function assigneeChoices(lists: readonly (readonly Person[])[], meId: string | null | undefined, current?: Person | null): AssigneeChoice[] {
  const byId = new Map<string, Person>();
  for (const list of lists) for (const person of list) byId.set(person.id, person);
  if (current && !byId.has(current.id)) byId.set(current.id, current);
  const people = [...byId.values()].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  const named = new Map<string, number>();
  for (const p of people) named.set(p.name, (named.get(p.name) ?? 0) + 1);
  return people.map((p) => {
    const name = named.get(p.name)! > 1 ? `${p.name} <${p.email ?? p.id.slice(0, 8)}>` : p.name;
    return { id: p.id, label: p.id === meId ? `${name} (you)` : name };
  });
}
