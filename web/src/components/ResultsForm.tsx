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

/** What a signer enters for an e-signed change: the meaning, and the password unless they signed in moments ago. */
export interface SignatureEntry { meaning: 'APPROVED_BY' | 'REVIEWED_BY' | 'AUTHORED_BY' | 'RESPONSIBLE_FOR'; password: string }

export function ReasonForm({ label, busy, signing, onSubmit, onCancel }: {
  label: string; busy?: boolean;
  /** The change needs an e-signature (21 CFR Part 11): ask for its meaning and the password. */
  signing?: boolean;
  onSubmit: (reason: string, signature?: SignatureEntry) => void; onCancel: () => void;
}) {
  return (
    <form className="reason-form" onSubmit={(e) => {
      e.preventDefault();
      const form = new FormData(e.currentTarget);
      const signature = signing ? { meaning: String(form.get('meaning') ?? 'APPROVED_BY') as SignatureEntry['meaning'], password: String(form.get('password') ?? '') } : undefined;
      onSubmit(String(form.get('reason') ?? ''), signature);
    }}>
      <label>Reason <input name="reason" type="text" required minLength={3} autoFocus /></label>
      {signing && <>
        <label>Signature meaning{' '}
          <select name="meaning" defaultValue="APPROVED_BY">
            <option value="APPROVED_BY">Approved by</option>
            <option value="REVIEWED_BY">Reviewed by</option>
            <option value="RESPONSIBLE_FOR">Responsible for</option>
            <option value="AUTHORED_BY">Authored by</option>
          </select>
        </label>
        <label>Password to sign <input name="password" type="password" autoComplete="current-password" placeholder="not needed within 5 min of signing in" /></label>
      </>}
      <button type="submit" disabled={busy}>{label}</button>
      <button type="button" onClick={onCancel}>Cancel</button>
    </form>
  );
}
