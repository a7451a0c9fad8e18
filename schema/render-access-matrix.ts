import { ACCESS_MATRIX, CALLERS, CREDENTIAL_OPERATIONS } from './access-matrix.js';

/** The matrix as a markdown table: the document people read is generated from what the test enforces. */
export function renderAccessMatrix(): string {
  const header = `| operation | ${CALLERS.join(' | ')} |\n|---|${CALLERS.map(() => ':-:').join('|')}|`;
  const rows = Object.keys(ACCESS_MATRIX).sort((a, b) => a.localeCompare(b)).map((name) => {
    const allowed = ACCESS_MATRIX[name]!;
    const mark = name in CREDENTIAL_OPERATIONS ? '🔑' : '✓';
    return `| \`${name}\` | ${CALLERS.map((c) => (allowed.includes(c) ? mark : '—')).join(' | ')} |`;
  });
  return [
    '# Role × operation matrix',
    '',
    'Generated from `schema/access-matrix.ts` by `node --import tsx scripts/render-access-matrix.ts`;',
    '`test/e2e/access-matrix.test.ts` calls every operation through the gateway as each caller and fails',
    'when behaviour, this table or the schema disagree.',
    '',
    '✓ gets past authorization (the operation may still answer NOT_FOUND, BAD_USER_INPUT, ... for its input);',
    '— refused with FORBIDDEN or UNAUTHENTICATED; 🔑 gated by a credential in the arguments (password,',
    'refresh or reset token) rather than by role. READ_TOKEN is an API token of a STAFF user holding the read',
    'scopes (`samples:read`, `exports:read`, `workflow:read`, `audit:read`, `files:read`). Submitters see and',
    'change only their own lab\'s records; what each role sees inside a record is in each subgraph\'s README.',
    '',
    header,
    ...rows,
    '',
  ].join('\n');
}
