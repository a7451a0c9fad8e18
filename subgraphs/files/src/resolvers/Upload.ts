import { GraphQLScalarType } from 'graphql';
import { GraphQLUpload } from 'graphql-upload-ts';
import { ValidationError } from '@app/common';

const NOT_MULTIPART = 'must be sent as a multipart request variable (graphql-multipart-request-spec), not inline';
const uploadConfig = GraphQLUpload.toConfig();

/**
 * graphql-upload-ts's Upload scalar, except that an inline literal (`file: "x"`) does not fail
 * validation: it becomes a rejected upload, so the resolver checks who is calling first and the
 * caller then learns that files travel only as multipart variables. A JSON variable that is not a
 * file part (`"file": true`) is the client's error too, not an unexpected one.
 */
export const Upload = new GraphQLScalarType({
  ...uploadConfig,
  parseValue: (value) => {
    try {
      return uploadConfig.parseValue!(value);
    } catch {
      throw ValidationError.field('file', NOT_MULTIPART);
    }
  },
  parseLiteral: () => {
    const refused = Promise.reject(ValidationError.field('file', NOT_MULTIPART));
    refused.catch(() => undefined); // rejected on purpose; awaited by the resolver, or never if access is refused first
    return refused;
  },
});
