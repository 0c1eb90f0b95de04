// The table settings CreateTable cannot carry, as data: which attribute the
// table's time to live reads, and whether point-in-time recovery is on. The
// runner applies them once the table is ACTIVE (UpdateTimeToLive,
// UpdateContinuousBackups); `tableDefinition` carries the rest (billing,
// stream, table class, deletion protection).
//
// Its warnings (`design.*`, about the entities' `ttl` across the table; planDesign
// adds them to every design's diagnostics):
// - `design.ttlConflict`: entities name different `ttl` attributes. DynamoDB has one
//   TTL attribute per table: the first entity's (model order) is the table's, and the
//   items of an entity naming another never expire. One per such entity, at its `ttl`.
// - `design.ttlShared`: an entity that declares no `ttl` holds a number attribute of the
//   TTL attribute's name. DynamoDB's TTL reads any item's number attribute of that name
//   as an expiry time, so its items would be deleted when that time passes. One per such
//   entity, at the attribute.
// The `table` fields themselves (billing, capacity, stream view, class, name) are the model
// checks' (`model.*`); a ttl that is not a number attribute too (`model.ttlType`).
import { stageDiagnostic, type Diagnostic, type DiagnosticSubject } from '../model/diagnostics.ts';
import type { Model } from '../model/types.ts';

/** The codes `tableSettings` reports (part of the `design.*` family: DesignDiagnosticCode). */
export const TABLE_SETTINGS_DIAGNOSTIC_CODES = ['design.ttlConflict', 'design.ttlShared'] as const;
export type TableSettingsDiagnosticCode = (typeof TABLE_SETTINGS_DIAGNOSTIC_CODES)[number];

export interface TableSettingsPlan {
  /** The table's TTL attribute (a number attribute, epoch seconds): the first entity's `ttl`; none when no entity has one. */
  ttlAttribute?: string;
  /** Entities whose items expire through it: those that declare it their `ttl`, in model order. */
  ttlEntities: string[];
  /** Point-in-time recovery (`table.pitr`). */
  pitr: boolean;
  /** Warnings about the entities' `ttl` across the table (see the codes above). */
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

  return { ...(ttlAttribute !== undefined ? { ttlAttribute } : {}), ttlEntities, pitr: model.table?.pitr === true, diagnostics };
}
