// Where the browser tests find the app and DynamoDB Local (both started by
// playwright.config.ts webServer). Fixed ports keep the CORS origin list exact.
export const APP_PORT = 4317;
export const DYNAMODB_PORT = 4318;
export const APP_ORIGIN = `http://127.0.0.1:${APP_PORT}`;
/** DynamoDB Local for e2e; it accepts CORS from APP_ORIGIN and http://localhost:APP_PORT. */
export const DYNAMODB_ENDPOINT = `http://127.0.0.1:${DYNAMODB_PORT}`;
