import { describe, expect, it } from '@jest/globals';
import { loadFilesConfig } from '../src/config.js';

describe('files configuration', () => {
  it('defaults to 50 MB a file, 100 MB a request and the six facility content types', () => {
    const config = loadFilesConfig({});
    expect(config.FILES_MAX_BYTES).toBe(52_428_800);
    expect(config.FILES_MAX_REQUEST_BYTES).toBe(104_857_600);
    expect(config.FILES_ALLOWED_TYPES).toEqual(expect.arrayContaining(['application/pdf', 'text/csv', 'image/png', 'image/jpeg', 'text/plain']));
    expect(config.FILES_DIR).toBe('./data/files');
  });

  it('requires a signing secret in production and reports every problem at once', () => {
    expect(() => loadFilesConfig({ NODE_ENV: 'production', FILES_PUBLIC_URL: 'not a url' })).toThrow(/FILES_PUBLIC_URL[\s\S]*FILES_SIGNING_SECRET|FILES_SIGNING_SECRET[\s\S]*FILES_PUBLIC_URL/);
    expect(loadFilesConfig({ FILES_PUBLIC_URL: 'https://lims.example.org/files/' }).FILES_PUBLIC_URL).toBe('https://lims.example.org/files');
  });
});
