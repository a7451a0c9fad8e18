// A search box and option filters that write to the query string (Enter or the button applies the text).
import { useState, type FormEvent } from 'react';
import { titleCase } from '../lib/format';

export function SearchBar({ search, onSearch, label }: { search?: string; onSearch: (text: string | undefined) => void; label: string }) {
  const [text, setText] = useState(search ?? '');
  const submit = (e: FormEvent) => { e.preventDefault(); onSearch(text.trim() || undefined); };
  return (
    <form role="search" className="search" onSubmit={submit}>
      <label>{label} <input type="search" value={text} onChange={(e) => setText(e.target.value)} /></label>
      <button type="submit">Search</button>
    </form>
  );
}

export function OptionFilter({ legend, options, value, onChange }: { legend: string; options: readonly string[]; value: string[]; onChange: (v: string[]) => void }) {
  return (
    <fieldset className="filters">
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o}>
          <input type="checkbox" checked={value.includes(o)} onChange={(e) => onChange(e.target.checked ? [...value, o] : value.filter((x) => x !== o))} />
          {titleCase(o)}
        </label>
      ))}
    </fieldset>
  );
}
