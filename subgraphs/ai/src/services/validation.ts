// Field validation lives in @app/common; re-exported so services import it from one place.
export { Problems, isUuid } from '@app/common';
