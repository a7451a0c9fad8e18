import type { EntityManager } from '@mikro-orm/postgresql';
import {
  ErrorCode, NotFoundError, SignatureError, ValidationError, canonicalRecord, recordHash, requireWrite, verifySignatureToken,
  type BaseContext, type SignableRecord, type SignatureClaims, type StepSignatureData,
} from '@app/common';
import { SignedStepActions, StepNames, type SignedStepAction, type StepAction, type StepName } from '../entities/enums.js';
import { StepSignature, Workflow, WorkflowStep, type StepTransition } from '../entities/index.js';
import type { WorkflowDeps } from '../deps.js';

/** The record type a step signature names (auth's `signRecord` recordType). */
export const STEP_RECORD_TYPE = 'WorkflowStep';

/** What a client signs for a step change, as `stepSignatureRecord` shows it. */
export interface SignableStepRecord {
  recordType: string;
  recordId: string;
  action: SignedStepAction;
  stepVersion: number;
  canonical: string;
  hash: string;
}

/** A verified signature token, not yet spent. */
export type CheckedSignature = SignatureClaims;

/** A signature bound to the change it authorises, stored with the transition. */
export interface BoundSignature {
  claims: SignatureClaims;
  canonical: string;
  action: SignedStepAction;
}

/**
 * The record a signature on a step change is bound to: the step, the change and its reason, and the
 * step's version before the change, so a signature cannot be moved to another step, another action,
 * another reason, or the same step after it changed.
 */
export function stepRecord(workflow: Pick<Workflow, 'sampleId'>, step: Pick<WorkflowStep, 'id' | 'name' | 'version'>, action: SignedStepAction, reason: string): SignableRecord {
  return { recordType: STEP_RECORD_TYPE, recordId: step.id, sampleId: workflow.sampleId, step: step.name, action, reason, stepVersion: step.version };
}

export function signableOf(record: SignableRecord): SignableStepRecord {
  return {
    recordType: String(record.recordType), recordId: String(record.recordId), action: record.action as SignedStepAction,
    stepVersion: Number(record.stepVersion), canonical: canonicalRecord(record), hash: recordHash(record),
  };
}

export const signatureData = (b: BoundSignature): StepSignatureData => ({
  signatureId: b.claims.signatureId, signerId: b.claims.signerId, signerName: b.claims.signerName, meaning: b.claims.meaning,
  method: b.claims.method, signedAt: b.claims.signedAt.toISOString(), recordHash: b.claims.recordHash,
});

const HOW_TO_SIGN = 'ask stepSignatureRecord for the record, sign its hash with signRecord and pass the token as `signature`';

/** Verifying, binding and storing the e-signatures step changes need (21 CFR Part 11 §11.70). */
export class StepSignatures {
  constructor(private readonly deps: WorkflowDeps, private readonly ctx: BaseContext) {}

  /** The record the caller would sign for `action` on the step as it is now. */
  async describe(sampleId: string, stepName: StepName, action: StepAction | 'SNAPSHOT', reason: string): Promise<SignableStepRecord> {
    requireWrite(this.ctx.principal, 'workflow:write', 'ADMIN', 'STAFF');
    if (!StepNames.includes(stepName)) throw ValidationError.field('step', `must be one of ${StepNames.join(', ')}`);
    if (!SignedStepActions.includes(action as SignedStepAction)) throw ValidationError.field('action', `must be one of ${SignedStepActions.join(', ')}`);
    const workflow = await this.ctx.em.findOne(Workflow, { sampleId });
    if (!workflow) throw new NotFoundError('Workflow for sample', sampleId);
    const step = await this.ctx.em.findOneOrFail(WorkflowStep, { workflow, name: stepName });
    return signableOf(stepRecord(workflow, step, action as SignedStepAction, reason.trim()));
  }

  /** Checks a token before the change's transaction: auth's signature, not older than 5 minutes, signed by the caller. */
  async check(token: string | null | undefined): Promise<CheckedSignature | null> {
    if (token === null || token === undefined || token === '') return null;
    if (!this.deps.authTokens) throw new SignatureError('Signatures cannot be verified: this service does not know auth\'s keys (set AUTH_SERVICE_URL, AUTH_JWKS_URL or AUTH_PUBLIC_KEY)', ErrorCode.SIGNATURE_INVALID);
    const claims = await verifySignatureToken(token, this.deps.authTokens, this.deps.now());
    if (claims.signerId !== this.ctx.principal.userId) throw new SignatureError('The signature is someone else\'s: sign the record yourself', ErrorCode.SIGNATURE_INVALID, { field: 'signature' });
    return claims;
  }

  /**
   * Binds a checked signature to the record being changed (inside the change's transaction, with
   * the step locked): required when `required`; refused when spent already or made for another record.
   */
  async bind(em: EntityManager, claims: CheckedSignature | null, record: SignableRecord, required: string | null): Promise<BoundSignature | null> {
    if (!claims) {
      if (required) throw new SignatureError(`${required} needs your e-signature: ${HOW_TO_SIGN}`, ErrorCode.SIGNATURE_REQUIRED, { field: 'signature' });
      return null;
    }
    const spent = await em.findOne(StepSignature, claims.signatureId, { fields: ['sampleId', 'action'] });
    if (spent) {
      throw new SignatureError(`This signature was already used (for ${spent.action} on sample ${spent.sampleId}); a signature signs one change of one record`, ErrorCode.SIGNATURE_REUSED, { field: 'signature' });
    }
    const signable = signableOf(record);
    if (claims.recordType !== signable.recordType || claims.recordId !== signable.recordId || claims.recordHash !== signable.hash) {
      throw new SignatureError('The signature was made for another record, or the step or reason changed since it was signed: sign this change again', ErrorCode.SIGNATURE_INVALID, { field: 'signature' });
    }
    return { claims, canonical: signable.canonical, action: signable.action };
  }

  /** Stores the spent signature with the transition it authorised (the primary key is its jti). */
  store(em: EntityManager, bound: BoundSignature, step: WorkflowStep, transition: StepTransition, now: Date): void {
    const c = bound.claims;
    em.create(StepSignature, {
      id: c.signatureId, step, transition, sampleId: step.sampleId, action: bound.action, signerId: c.signerId, signerName: c.signerName,
      meaning: c.meaning, method: c.method, recordHash: c.recordHash, record: bound.canonical, signedAt: c.signedAt, usedAt: now,
    });
  }
}
