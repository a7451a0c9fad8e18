import { Kind, parse, valueFromASTUntyped, type EnumTypeDefinitionNode } from 'graphql';

export interface SubgraphEndpoint {
  name: string;
  /** Where GraphQL is served (the routing URL, or its override). */
  url: string;
}

/** The subgraphs a supergraph names, read from its `join__Graph` enum (`@join__graph(name:, url:)`). */
export function listSubgraphs(supergraphSdl: string): SubgraphEndpoint[] {
  const document = parse(supergraphSdl, { noLocation: true });
  const joinGraph = document.definitions.find(
    (d): d is EnumTypeDefinitionNode => d.kind === Kind.ENUM_TYPE_DEFINITION && d.name.value === 'join__Graph',
  );
  return (joinGraph?.values ?? []).flatMap((value) => {
    const directive = value.directives?.find((d) => d.name.value === 'join__graph');
    const args = Object.fromEntries((directive?.arguments ?? []).map((a) => [a.name.value, valueFromASTUntyped(a.value)]));
    return typeof args.name === 'string' ? [{ name: args.name, url: typeof args.url === 'string' ? args.url : '' }] : [];
  });
}

/** Explicit option first, then `SUBGRAPH_URL_<NAME>`, then the routing URL baked into the supergraph. */
export function resolveSubgraphUrl(name: string, routingUrl: string | undefined, ...overrides: (Record<string, string> | undefined)[]): string {
  for (const map of overrides) {
    const url = map?.[name] ?? map?.[name.toLowerCase()];
    if (url) return url;
  }
  if (!routingUrl) throw new Error(`Subgraph ${name} has no routing URL; set SUBGRAPH_URL_${name.toUpperCase()}`);
  return routingUrl;
}

/** The service root of a subgraph (where /readyz, /exports and /.well-known live): its URL minus /graphql. */
export function serviceBaseUrl(graphqlUrl: string): string {
  const url = new URL(graphqlUrl);
  url.pathname = url.pathname.replace(/\/graphql\/?$/, '').replace(/\/$/, '');
  url.search = '';
  return url.toString().replace(/\/$/, '');
}
