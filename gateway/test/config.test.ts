import { describe, expect, it } from '@jest/globals';
import { ConfigError } from '@app/common';
import { DEFAULT_SUPERGRAPH_PATH, loadGatewayConfig } from '../src/index.js';

const KEY = { INTERNAL_TOKEN_PRIVATE_KEY: '-----BEGIN PRIVATE KEY-----\nx\n-----END PRIVATE KEY-----' };

describe('loadGatewayConfig', () => {
  it('has production-safe defaults', () => {
    const config = loadGatewayConfig({ ...KEY, NODE_ENV: 'production' });
    expect(config).toMatchObject({
      PORT: 4000, AUTH_ISSUER: 'nanopore-auth', AUTH_AUDIENCE: 'nanopore-api', BODY_LIMIT: '1mb', CORS_ORIGINS: [],
      MAX_QUERY_DEPTH: 15, MAX_QUERY_ALIASES: 30, MAX_QUERY_COST: 10_000, GRAPHQL_INTROSPECTION: false, SANDBOX: false,
      SUPERGRAPH_PATH: DEFAULT_SUPERGRAPH_PATH, subgraphUrls: {}, APOLLO_TELEMETRY: false,
    });
    expect(DEFAULT_SUPERGRAPH_PATH).toMatch(/schema\/supergraph\.graphql$/);
  });

  it('turns introspection and the Sandbox on in development and when embedded, unless told otherwise', () => {
    expect(loadGatewayConfig({ ...KEY, NODE_ENV: 'development' })).toMatchObject({ GRAPHQL_INTROSPECTION: true, SANDBOX: true });
    expect(loadGatewayConfig({ NODE_ENV: 'production', EMBEDDED: 'true' })).toMatchObject({ GRAPHQL_INTROSPECTION: true, SANDBOX: true });
    expect(loadGatewayConfig({ NODE_ENV: 'development', EMBEDDED: 'true', SANDBOX: 'false' })).toMatchObject({ GRAPHQL_INTROSPECTION: true, SANDBOX: false });
  });

  it('parses CORS origins and SUBGRAPH_URL_<NAME> overrides', () => {
    const config = loadGatewayConfig({ ...KEY, CORS_ORIGINS: 'https://a.example, https://b.example ,', SUBGRAPH_URL_SAMPLES: 'http://10.0.0.5:4001/graphql' });
    expect(config.CORS_ORIGINS).toEqual(['https://a.example', 'https://b.example']);
    expect(config.subgraphUrls).toEqual({ samples: 'http://10.0.0.5:4001/graphql' });
  });

  it('lists every problem at once', () => {
    const attempt = () => loadGatewayConfig({ ...KEY, PORT: 'eighty', MAX_QUERY_DEPTH: '-1', BODY_LIMIT: 'huge' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/PORT[\s\S]*BODY_LIMIT[\s\S]*MAX_QUERY_DEPTH/);
  });

  it('requires the signing key outside the embedded runner', () => {
    expect(() => loadGatewayConfig({ NODE_ENV: 'production' })).toThrow(/INTERNAL_TOKEN_PRIVATE_KEY/);
    expect(() => loadGatewayConfig({ ...KEY, SUBGRAPH_URL_AUTH: 'not a url' })).toThrow(/SUBGRAPH_URL_AUTH: must be a URL/);
  });
});
