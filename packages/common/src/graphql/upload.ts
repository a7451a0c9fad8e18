import { GraphQLScalarType } from 'graphql';
import { GraphQLUpload, type FileUpload } from 'graphql-upload-ts';
import { ValidationError } from '../errors.js';

/** An `Upload` argument as a resolver receives it: resolves to the file once its part of the multipart body arrives. */
export type UploadPart = Promise<FileUpload>;
export type { FileUpload };

const NOT_MULTIPART = 'must be sent as a multipart request variable (graphql-multipart-request-spec), not inline';
const uploadConfig = GraphQLUpload.toConfig();

/**
 * graphql-upload-ts's Upload scalar, except that an inline literal (`file: "x"`) does not fail
 * validation: it becomes a rejected upload, so the resolver checks who is calling first and the
 * caller then learns that files travel only as multipart variables. A JSON variable that is not a
 * file part (`"file": true`) is the client's error too, not an unexpected one. `field` is the
 * argument the errors name (`file`, `input.upload`).
 */
export function uploadScalar(field: string): GraphQLScalarType {
  return new GraphQLScalarType({
    ...uploadConfig,
    parseValue: (value) => {
      try {
        return uploadConfig.parseValue!(value);
      } catch {
        throw ValidationError.field(field, NOT_MULTIPART);
      }
    },
    parseLiteral: () => {
      const refused = Promise.reject(ValidationError.field(field, NOT_MULTIPART));
      refused.catch(() => undefined); // rejected on purpose; awaited by the resolver, or never if access is refused first
      return refused;
    },
  });
}
