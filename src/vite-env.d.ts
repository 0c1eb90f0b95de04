// Build-time settings the app reads from import.meta.env.
interface ImportMetaEnv {
  /** DynamoDB Local started by `npm start` (e.g. http://localhost:8000); unset when it could not start. */
  readonly VITE_TABLEWRIGHT_LOCAL_ENDPOINT?: string;
}
