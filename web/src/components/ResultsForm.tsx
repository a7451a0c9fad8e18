// The results a step needs before it can be completed, typed in by the person doing the work.
import { useState, type FormEvent } from 'react';
import { RESULT_FORMS, buildResults, type StepName } from '../lib/steps';

export function ResultsForm({ step, busy, onSubmit, onCancel, submitLabel = 'Complete step' }: {
  step: StepName; busy?: boolean; submitLabel?: string;
  onSubmit: (results: Record<string, Record<string, unknown>>, notes: string) => void; onCancel: () => void;
}) {
  const [problems, setProblems] = useState<Record<string, string>>({});
  const { fields } = RESULT_FORMS[step];
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const values = Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)]));
    const built = buildResults(step, values);
    setProblems(Object.fromEntries(built.problems.map((p) => [p.field, p.message])));
    if (built.results) onSubmit(built.results, values.notes ?? '');
  };
  return (
    <form className="results-form" onSubmit={submit} aria-label={`Results for ${step}`}>
      <div className="grid">
        {fields.map((f) => (
          <label key={f.name} className={problems[f.name] ? 'invalid' : undefined}>
            <span>{f.label}{f.required ? ' *' : ''}</span>
            {f.kind === 'select' ? (
              <select name={f.name} defaultValue="">
                <option value="">—</option>
                {f.options!.map((o) => <option key={o} value={o}>{o}</option>)}
              </select>
            ) : f.kind === 'files' ? (
              <textarea name={f.name} rows={3} placeholder={f.hint} aria-invalid={!!problems[f.name]} />
            ) : (
              <input name={f.name} type={f.kind === 'datetime' ? 'datetime-local' : 'text'} inputMode={f.kind === 'number' || f.kind === 'integer' ? 'decimal' : undefined}
                placeholder={f.hint} aria-invalid={!!problems[f.name]} />
            )}
            {problems[f.name] ? <small className="problem">{f.label} {problems[f.name]}</small> : null}
          </label>
        ))}
        <label className="wide"><span>Notes</span><input name="notes" type="text" /></label>
      </div>
      <div className="actions">
        <button type="submit" disabled={busy}>{submitLabel}</button>
        <button type="button" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}

export function ReasonForm({ label, busy, onSubmit, onCancel }: { label: string; busy?: boolean; onSubmit: (reason: string) => void; onCancel: () => void }) {
  return (
    <form className="reason-form" onSubmit={(e) => { e.preventDefault(); onSubmit(String(new FormData(e.currentTarget).get('reason') ?? '')); }}>
      <label>Reason <input name="reason" type="text" required minLength={3} autoFocus /></label>
      <button type="submit" disabled={busy}>{label}</button>
      <button type="button" onClick={onCancel}>Cancel</button>
    </form>
  );
}
