import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { inlineDocuments, readDocumentMap, readDocuments } from '../../scripts/inline-documents.js';

const GQL = join(import.meta.dirname, '..', '..', 'src', 'gql');

describe('inlining generated GraphQL documents at build time', () => {
  const map = readDocumentMap(GQL);
  const docs = readDocuments(GQL);

  it('knows every operation of the generated map, with its document', () => {
    expect(map.size).toBeGreaterThan(50);
    for (const name of map.values()) expect(docs.has(name)).toBe(true);
    expect(JSON.parse(docs.get('MeDocument')!)).toMatchObject({ kind: 'Document', definitions: [{ kind: 'OperationDefinition', name: { value: 'Me' } }] });
  });

  it('replaces each graphql(`...`) call the map knows by an import of its document, and leaves the others', () => {
    const source = [...map.entries()].find(([, n]) => n === 'MeDocument')![0];
    const code = `const A = graphql(\`${source}\`);\nconst B = graphql(\`query Unknown { me { id } }\`);\nconst C = graphql(\`${source}\`);`;
    const out = inlineDocuments(code, 'virtual:graphql-document/', map)!;
    expect(out).toBe(`import __gql_MeDocument from "virtual:graphql-document/MeDocument";\nconst A = __gql_MeDocument;\nconst B = graphql(\`query Unknown { me { id } }\`);\nconst C = __gql_MeDocument;`);
    expect(inlineDocuments('const x = 1;', 'v/', map)).toBeNull();
  });
});
