import type { ValidationRule } from 'graphql';
import { maxAliasesRule } from './aliases.js';
import { maxCostRule } from './cost.js';
import { maxDepthRule } from './depth.js';
import { maxRootFieldsRule } from './root-fields.js';

export { QueryTooComplexError, formatLimitErrors, type LimitName } from './error.js';
export { DEFAULT_LIST_SIZE, operationCost } from './cost.js';
export { limitPrecheck, type PrecheckLimits } from './precheck.js';
export { EXPENSIVE_FIELDS, expensiveOperationLimit } from './expensive.js';

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
  /** 0 turns the check off. */
  maxRootFields: number;
}

/**
 * Validation rules that reject abusive operations before the gateway plans them (planning is the
 * expensive part and is cached per operation, so a flood of unique huge operations would evict
 * every real plan). A limit of 0 disables that rule.
 */
export function queryLimitRules(limits: QueryLimits): ValidationRule[] {
  return [
    limits.maxDepth > 0 ? maxDepthRule(limits.maxDepth) : null,
    limits.maxAliases > 0 ? maxAliasesRule(limits.maxAliases) : null,
    limits.maxCost > 0 ? maxCostRule(limits.maxCost) : null,
    limits.maxRootFields > 0 ? maxRootFieldsRule(limits.maxRootFields) : null,
  ].filter((rule): rule is ValidationRule => rule !== null);
}
