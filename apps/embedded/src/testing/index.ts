// The whole system in one process for end-to-end tests and benchmarks. It lives beside the app it
// starts (not in @app/testing, which holds libraries that import nothing above them).
export { ADMIN_PASSWORD, startTestSystem, type TestSystem, type TestUser, type UploadPart } from './system.js';
