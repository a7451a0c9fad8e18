import type { Express, Request, Response } from 'express';
import { EventTypes, ANONYMOUS, emitEvent } from '@app/common';
import { SOURCE, type WorkflowDeps } from '../../deps.js';
import { NotificationPreference, NotificationUnsubscribe } from '../../entities/index.js';
import { NotificationEvents, type NotificationEvent } from '../../entities/notification-enums.js';
import { verifyUnsubscribe, type UnsubscribeClaim } from './unsubscribe-token.js';

export const UNSUBSCRIBE_PATH = '/notifications/unsubscribe';

const page = (title: string, body: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body style="font-family:sans-serif"><h1>${title}</h1>${body}</body></html>`;

/** Stops e-mail for the claim: the user's preference goes to OFF, and the address is remembered. */
export async function applyUnsubscribe(deps: WorkflowDeps, claim: UnsubscribeClaim): Promise<void> {
  const events: NotificationEvent[] = claim.event === '*' ? [...NotificationEvents] : [claim.event as NotificationEvent];
  if (!events.every((e) => NotificationEvents.includes(e))) throw new Error('unknown event in token');
  await deps.orm.em.fork().transactional(async (em) => {
    const now = deps.now();
    if (!(await em.findOne(NotificationUnsubscribe, { address: claim.address, event: claim.event }))) {
      em.create(NotificationUnsubscribe, { address: claim.address, event: claim.event, createdAt: now });
    }
    if (claim.userId) {
      for (const event of events) {
        const pref = await em.findOne(NotificationPreference, { userId: claim.userId, event })
          ?? em.create(NotificationPreference, { userId: claim.userId, event, email: 'OFF', inApp: true, updatedAt: now });
        pref.email = 'OFF';
        pref.updatedAt = now;
      }
    }
    await em.flush();
    await emitEvent(em, deps.schema, { source: SOURCE, principal: ANONYMOUS }, {
      type: EventTypes.NotificationsUnsubscribed, subject: { type: claim.userId ? 'User' : 'EmailAddress', id: claim.userId ?? claim.address },
      data: { event: claim.event, via: 'unsubscribe-link' },
    });
  });
}

/**
 * The link in every e-mail, working without login (the signed token is the credential): GET shows
 * a confirmation button (so mail scanners that follow links change nothing); POST unsubscribes,
 * including RFC 8058 one-click POSTs from mail clients.
 */
export function mountUnsubscribe(app: Express, deps: WorkflowDeps, secret: () => Promise<string>): void {
  const claimOf = async (req: Request, res: Response): Promise<UnsubscribeClaim | null> => {
    const token = typeof req.query.token === 'string' ? req.query.token : '';
    const claim = token ? verifyUnsubscribe(await secret(), token) : null;
    if (!claim) res.status(400).type('html').send(page('Invalid link', '<p>This unsubscribe link is not valid.</p>'));
    return claim;
  };
  app.get(UNSUBSCRIBE_PATH, async (req, res) => {
    const claim = await claimOf(req, res);
    if (!claim) return;
    const what = claim.event === '*' ? 'all notifications' : `${claim.event.toLowerCase().replaceAll('_', ' ')} notifications`;
    const action = `${UNSUBSCRIBE_PATH}?token=${encodeURIComponent(String(req.query.token))}`;
    res.type('html').send(page('Unsubscribe', `<p>Stop e-mail about ${what} to ${claim.address.replace(/[<>&"]/g, '')}?</p>`
      + `<form method="post" action="${action}"><button type="submit">Unsubscribe</button></form>`));
  });
  app.post(UNSUBSCRIBE_PATH, async (req, res) => {
    const claim = await claimOf(req, res);
    if (!claim) return;
    try {
      await applyUnsubscribe(deps, claim);
      res.type('html').send(page('Unsubscribed', '<p>You will no longer receive these e-mails.</p>'));
    } catch (err) {
      deps.logger.error({ err }, 'unsubscribe failed');
      res.status(500).type('html').send(page('Something went wrong', '<p>Please try again later.</p>'));
    }
  });
}
