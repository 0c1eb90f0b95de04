// What DynamoDB and the AWS SDK can store as a number. DynamoDB (Developer
// Guide, "Supported data types and naming rules": Number) keeps up to 38
// significant digits, magnitudes from 1E-130 to 9.9999999999999999999999999999999999999E+125,
// and 0. A JavaScript number has at most 17 significant digits, so digits are
// never the problem; but lib-dynamodb (util-dynamodb's convertToAttr) refuses
// every number beyond ±Number.MAX_SAFE_INTEGER unless it is wrapped in
// NumberValue, which the generated module does not use. So the rule here is the
// SDK's upper bound and DynamoDB's lower one. The generated module's runtime
// checks the same rule (codegen/runtimeSource.ts `checkNumber`, tested equal).

export const DYNAMODB_NUMBER_RULE =
  "numbers must be 0 or of magnitude 1E-130 (DynamoDB's smallest) to 9007199254740991 (Number.MAX_SAFE_INTEGER, the largest the AWS SDK sends as a plain number)";

/** Why `value` cannot be stored as a DynamoDB number through the SDK, or undefined when it can. */
export function numberProblem(value: number): string | undefined {
  if (!Number.isFinite(value)) return `${String(value)} is not a finite number`;
  const magnitude = Math.abs(value);
  if (magnitude > Number.MAX_SAFE_INTEGER) return `${String(value)} is too large: ${DYNAMODB_NUMBER_RULE}`;
  if (magnitude !== 0 && magnitude < 1e-130) return `${String(value)} is too small: ${DYNAMODB_NUMBER_RULE}`;
  return undefined;
}
