import { createHash } from 'node:crypto';
import type { RequestHandler } from 'express';
import { GraphQLError, buildSchema, parse, validate, type DocumentNode, type ValidationRule } from 'graphql';
import { ErrorCode } from '@app/common';
import { maxAliasesRule } from './aliases.js';
import { maxDepthRule } from './depth.js';
import { QueryTooComplexError } from './error.js';
import { maxRootFieldsRule } from './root-fields.js';

/** The depth, alias and root-field rules read only the document, so any valid schema will do. */
const PLACEHOLDER_SCHEMA = buildSchema('type Query { _: Boolean }');
const REMEMBERED = 5_000;

export interface PrecheckLimits {
  maxDepth: number;
  maxAliases: number;
  maxRootFields: number;
  /** Tokens parsed at most; beyond it the document is refused without being parsed further. */
  maxTokens: number;
}

function rulesFor(limits: PrecheckLimits): ValidationRule[] {
  return [
    limits.maxDepth > 0 ? maxDepthRule(limits.maxDepth) : null,
    limits.maxAliases > 0 ? maxAliasesRule(limits.maxAliases) : null,
    limits.maxRootFields > 0 ? maxRootFieldsRule(limits.maxRootFields) : null,
  ].filter((rule): rule is ValidationRule => rule !== null);
}

function tooComplex(res: Parameters<RequestHandler>[1], error: GraphQLError): void {
  res.status(400).json({ errors: [{ message: error.message, locations: error.locations, extensions: error.extensions }] });
}

/** Parses with a token cap: the document, or the refusal when it is too large to parse at all. */
function parseBounded(query: string, maxTokens: number): DocumentNode | QueryTooComplexError | null {
  try {
    return parse(query, { maxTokens });
  } catch (err) {
    const message = (err as Error).message;
    // graphql-js words it "contains more that N tokens" (sic); accept the corrected spelling too.
    if (/contains more th(?:an|at) \d+ tokens/.test(message)) {
      return new QueryTooComplexError('tokens', `The operation has more than ${maxTokens} tokens`, maxTokens + 1, maxTokens);
    }
    return null; // a syntax error: Apollo reports it in its usual form
  }
}

/**
 * Refuses operations over the depth, alias, root-field or size limits before Apollo validates them:
 * graphql-js's own validation of a 1,000-alias document costs tens of milliseconds (its overlapping
 * fields rule compares the fields pairwise), and an attacker would otherwise get that work for free.
 * Apollo still runs every rule (cost included) afterwards; accepted texts are remembered so repeated
 * operations are not parsed twice.
 */
export function limitPrecheck(limits: PrecheckLimits): RequestHandler {
  const rules = rulesFor(limits);
  const accepted = new Set<string>();
  return (req, res, next) => {
    const query = (req.body as { query?: unknown } | undefined)?.query ?? req.query?.query;
    if (typeof query !== 'string' || query.length === 0) return next();
    const key = createHash('sha1').update(query).digest('base64url');
    if (accepted.has(key)) return next();
    const parsed = parseBounded(query, limits.maxTokens);
    if (parsed instanceof QueryTooComplexError) return tooComplex(res, parsed);
    if (!parsed) return next();
    const refusal = validate(PLACEHOLDER_SCHEMA, parsed, rules).find((e) => e.extensions?.code === ErrorCode.QUERY_TOO_COMPLEX);
    if (refusal) return tooComplex(res, refusal);
    if (accepted.size >= REMEMBERED) accepted.clear();
    accepted.add(key);
    next();
  };
}
