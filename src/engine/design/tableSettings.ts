// The table settings CreateTable cannot carry, as data: which attribute the
// table's time to live reads, and whether point-in-time recovery is on. The
// runner applies them once the table is ACTIVE (UpdateTimeToLive,
// UpdateContinuousBackups); `tableDefinition` carries the rest (billing,
// stream, table class, deletion protection).
//
// Its warnings (`design.*`, about the model's `ttl` and `table` fields; planDesign
// adds them to every design's diagnostics):
// - `design.ttlConflict`: entities name different `ttl` attributes. DynamoDB has one
//   TTL attribute per table: the first entity's (model order) is the table's, and the
//   items of an entity naming another never expire. One per such entity, at its `ttl`.
// - `design.ttlShared`: an entity that declares no `ttl` holds a number attribute of the
//   TTL attribute's name. DynamoDB's TTL reads any item's number attribute of that name
//   as an expiry time, so its items would be deleted when that time passes. One per such
//   entity, at the attribute.
// - `design.tableCapacity`: `billing: provisioned` without `read` or `write` (the table
//   gets DynamoDB's minimum, 1 unit), or `read`/`write` on an on-demand table (ignored).
import { stageDiagnostic, type Diagnostic, type DiagnosticSubject } from '../model/diagnostics.ts';
import type { Model } from '../model/types.ts';
import { MIN_CAPACITY_UNITS } from './tableDefinition.ts';

/** The codes `tableSettings` reports (part of the `design.*` family: DesignDiagnosticCode). */
export const TABLE_SETTINGS_DIAGNOSTIC_CODES = ['design.ttlConflict', 'design.ttlShared', 'design.tableCapacity'] as const;
export type TableSettingsDiagnosticCode = (typeof TABLE_SETTINGS_DIAGNOSTIC_CODES)[number];

export interface TableSettingsPlan {
  /** The table's TTL attribute (a number attribute, epoch seconds): the first entity's `ttl`; none when no entity has one. */
  ttlAttribute?: string;
  /** Entities whose items expire through it: those that declare it their `ttl`, in model order. */
  ttlEntities: string[];
  /** Point-in-time recovery (`table.pitr`). */
  pitr: boolean;
  /** Warnings about the model's `ttl` and `table` fields (see the codes above). */
  diagnostics: Diagnostic[];
}

function warning(code: TableSettingsDiagnosticCode, message: string, path: string, subject: DiagnosticSubject): Diagnostic {
  return stageDiagnostic(code, message, { path, subject }, 'warning');
}

export function tableSettings(design: { model: Model }): TableSettingsPlan {
  const { model } = design;
  const diagnostics: Diagnostic[] = [];
  const first = model.entities.find((e) => e.ttl !== undefined);
  const ttlAttribute = first?.ttl;
  const ttlEntities: string[] = [];
  if (first && ttlAttribute !== undefined) {
    model.entities.forEach((entity, i) => {
      if (entity.ttl === ttlAttribute) {
        ttlEntities.push(entity.name);
      } else if (entity.ttl !== undefined) {
        diagnostics.push(
          warning(
            'design.ttlConflict',
            `${entity.name}'s ttl is "${entity.ttl}", but the table's time to live is already "${ttlAttribute}" (${first.name}'s ttl): DynamoDB allows one TTL attribute per table, so ${entity.name}'s items will never expire. Use one attribute name for every entity's ttl.`,
            `entities[${i}].ttl`,
            { entity: entity.name },
          ),
        );
      } else {
        const a = entity.attributes.findIndex((attribute) => attribute.name === ttlAttribute);
        if (a >= 0 && entity.attributes[a]?.type === 'number') {
          diagnostics.push(
            warning(
              'design.ttlShared',
              `${entity.name} has a number attribute "${ttlAttribute}", the table's TTL attribute (${first.name}'s ttl): DynamoDB reads it on every item as an expiry time in epoch seconds, so ${entity.name}'s items will be deleted once that time has passed. Rename the attribute, or declare it ${entity.name}'s ttl if that is meant.`,
              `entities[${i}].attributes[${a}]`,
              { entity: entity.name },
            ),
          );
        }
      }
    });
  }

  const table = model.table;
  if (table) {
    const stated = (['read', 'write'] as const).filter((unit) => table[unit] !== undefined);
    if (table.billing === 'provisioned') {
      const missing = (['read', 'write'] as const).filter((unit) => table[unit] === undefined);
      if (missing.length > 0) {
        diagnostics.push(
          warning(
            'design.tableCapacity',
            `a provisioned table needs read and write capacity units; without ${missing.join(' and ')} it gets ${MIN_CAPACITY_UNITS} (DynamoDB's minimum), and every GSI the same. State ${missing.map((unit) => `"${unit}"`).join(' and ')}.`,
            'table.billing',
            {},
          ),
        );
      }
    } else if (stated.length > 0) {
      diagnostics.push(
        warning(
          'design.tableCapacity',
          `${stated.join(' and ')} capacity units apply only to "billing": "provisioned"; this table is on demand${table.billing === undefined ? ' (no billing stated)' : ''}, so they are ignored.`,
          `table.${stated[0] ?? 'read'}`,
          {},
        ),
      );
    }
  }

  return { ...(ttlAttribute !== undefined ? { ttlAttribute } : {}), ttlEntities, pitr: table?.pitr === true, diagnostics };
}
