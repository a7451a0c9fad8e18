import type { Response } from 'express';

/** Answers a plain HTTP route with `{ error: { code, message } }`. */
export function refuse(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ error: { code, message } });
}
