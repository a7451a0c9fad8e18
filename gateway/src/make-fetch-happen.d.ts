// make-fetch-happen ships no types; this covers the one call the gateway makes.
declare module 'make-fetch-happen' {
  import type { RemoteGraphQLDataSource } from '@apollo/gateway';

  type Fetcher = RemoteGraphQLDataSource['fetcher'];
  interface FetchDefaults {
    maxSockets?: number;
    retry?: boolean;
    timeout?: number;
  }
  const fetchHappen: { defaults(options: FetchDefaults): Fetcher };
  export default fetchHappen;
}
