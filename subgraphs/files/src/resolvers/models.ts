/**
 * What resolvers receive for GraphQL types that are not entities (codegen mappers and scalars, see
 * codegen.json): a multipart file part as graphql-upload-ts hands it over, and the entity stubs
 * this subgraph extends, known here by id only.
 */
/** An `Upload` argument: resolves to the file once its part of the multipart body arrives. */
export type { UploadPart } from '@app/common';
export interface EntityStub { id: string }
