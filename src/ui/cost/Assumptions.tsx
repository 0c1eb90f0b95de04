// Every assumption behind the figures, a sentence each (the report's own), folded away.
export function Assumptions({ assumptions }: { assumptions: readonly string[] }) {
  return (
    <details className="tw-cost__section tw-cost__assumptions">
      <summary className="tw-cost__heading">Assumptions ({assumptions.length})</summary>
      <ul>
        {assumptions.map((a) => (
          <li key={a}>{a}</li>
        ))}
      </ul>
    </details>
  );
}
