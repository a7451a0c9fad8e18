import { GraphQLScalarType } from 'graphql';
import { GraphQLUpload } from 'graphql-upload-ts';
import { ValidationError } from '@app/common';

/**
 * graphql-upload-ts's Upload scalar, except that an inline literal (`file: "x"`) does not fail
 * validation: it becomes a rejected upload, so the resolver checks who is calling first and the
 * caller then learns that files travel only as multipart variables.
 */
export const Upload = new GraphQLScalarType({
  ...GraphQLUpload.toConfig(),
  parseLiteral: () => {
    const refused = Promise.reject(ValidationError.field('file', 'must be sent as a multipart request variable (graphql-multipart-request-spec), not inline'));
    refused.catch(() => undefined); // rejected on purpose; awaited by the resolver, or never if access is refused first
    return refused;
  },
});
