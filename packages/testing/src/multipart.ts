import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface CurlFile {
  path: string;
  /** Name sent in the part's filename (curl's `;filename=`). */
  filename?: string;
  type?: string;
}

export interface CurlAnswer {
  status: number;
  body: any;
}

/**
 * A GraphQL multipart request sent by curl itself (`-F operations=… -F map=… -F 0=@file`), as any
 * client outside the test process would; `files[i]` is mapped to `paths[i]` in the variables.
 */
export async function curlMultipart(url: string, options: {
  query: string; variables: Record<string, unknown>; paths: string[]; files: CurlFile[]; token?: string; headers?: Record<string, string>;
  preflight?: boolean;
}): Promise<CurlAnswer> {
  const map = Object.fromEntries(options.paths.map((p, i) => [String(i), [`variables.${p}`]]));
  const args = ['-sS', '-o', '-', '-w', '\n%{http_code}', '-X', 'POST', url,
    '-F', `operations=${JSON.stringify({ query: options.query, variables: options.variables })}`, '-F', `map=${JSON.stringify(map)}`];
  options.files.forEach((f, i) => args.push('-F', `${i}=@${f.path}${f.filename ? `;filename=${f.filename}` : ''}${f.type ? `;type=${f.type}` : ''}`));
  if (options.preflight !== false) args.push('-H', 'Apollo-Require-Preflight: true');
  if (options.token) args.push('-H', `Authorization: Bearer ${options.token}`);
  for (const [k, v] of Object.entries(options.headers ?? {})) args.push('-H', `${k}: ${v}`);
  const { stdout } = await run('curl', args, { maxBuffer: 16 * 1024 * 1024 });
  const cut = stdout.lastIndexOf('\n');
  const text = stdout.slice(0, cut);
  let body: any = text;
  try { body = JSON.parse(text); } catch { /* not JSON: keep the text */ }
  return { status: Number(stdout.slice(cut + 1)), body };
}
