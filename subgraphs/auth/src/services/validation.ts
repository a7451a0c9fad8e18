// Auth's own field rules; the shared ones (Problems, isUuid) are imported from @app/common.
import type { Problems } from '@app/common';

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}\.[^\s@]{2,}$/;

/** A trimmed email address, or a problem recorded for `field`. */
export function emailOf(problems: Problems, field: string, value: string | null | undefined): string | null {
  const email = problems.text(field, value, { max: 320 });
  if (email && !EMAIL.test(email)) problems.add(field, 'is not an email address');
  return email;
}
