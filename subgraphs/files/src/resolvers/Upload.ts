import { uploadScalar } from '@app/common';

/** The Upload scalar (`@app/common`): an inline or non-file value is refused naming `file`. */
export const Upload = uploadScalar('file');
