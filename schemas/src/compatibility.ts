/**
 * Schema compatibility, decided by avsc's own resolver (what a consumer will actually run).
 * Earlier versions live in frozen copies, `avro/<context>/<Type>.versions/<n>.avsc`, not in git
 * history: history is missing in shallow CI clones and for new files, while a frozen copy is a
 * plain file every checkout has and every reviewer sees change (see schema-versions.ts).
 */
import { Type } from 'avsc';
import type { Schema } from 'avsc';

/** Confluent's compatibility levels; `_TRANSITIVE` checks every earlier version, the others only the latest. */
export type CompatibilityLevel =
  | 'NONE'
  | 'BACKWARD'
  | 'BACKWARD_TRANSITIVE'
  | 'FORWARD'
  | 'FORWARD_TRANSITIVE'
  | 'FULL'
  | 'FULL_TRANSITIVE';

export const compatibilityLevels: readonly CompatibilityLevel[] = [
  'NONE', 'BACKWARD', 'BACKWARD_TRANSITIVE', 'FORWARD', 'FORWARD_TRANSITIVE', 'FULL', 'FULL_TRANSITIVE',
];

/** A schema as text (`.avsc` content), parsed JSON, or an avsc Type. */
export type SchemaInput = string | Schema;

export interface CompatibilityResult {
  compatible: boolean;
  /** One line per failed direction and version, e.g. `backward with version 1: no matching field for default-less ...`. */
  problems: string[];
}

export const toAvroType = (schema: SchemaInput): Type =>
  schema instanceof Type ? schema : Type.forSchema(typeof schema === 'string' ? (JSON.parse(schema) as Schema) : schema);

/** Why `reader` cannot read data written with `writer`, or undefined when it can. */
export const whyUnreadable = (reader: Type, writer: Type): string | undefined => {
  try {
    reader.createResolver(writer);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
};

const directionsOf = (level: CompatibilityLevel): { backward: boolean; forward: boolean } => ({
  backward: level.startsWith('BACKWARD') || level.startsWith('FULL'),
  forward: level.startsWith('FORWARD') || level.startsWith('FULL'),
});

/**
 * Checks `newSchema` against the earlier versions of its subject, oldest first
 * (`earlierSchemas[0]` is version 1). Backward: the new schema reads data written with an
 * old one. Forward: an old schema reads data written with the new one.
 */
export const checkCompatibility = (
  newSchema: SchemaInput,
  earlierSchemas: readonly SchemaInput[],
  level: CompatibilityLevel,
): CompatibilityResult => {
  if (level === 'NONE' || earlierSchemas.length === 0) return { compatible: true, problems: [] };
  const newType = toAvroType(newSchema);
  const firstChecked = level.endsWith('_TRANSITIVE') ? 0 : earlierSchemas.length - 1;
  const { backward, forward } = directionsOf(level);
  const problems: string[] = [];
  earlierSchemas.forEach((earlier, index) => {
    if (index < firstChecked) return;
    const oldType = toAvroType(earlier);
    const version = index + 1;
    const backwardProblem = backward ? whyUnreadable(newType, oldType) : undefined;
    if (backwardProblem) problems.push(`backward with version ${version} (new cannot read old): ${backwardProblem}`);
    const forwardProblem = forward ? whyUnreadable(oldType, newType) : undefined;
    if (forwardProblem) problems.push(`forward with version ${version} (old cannot read new): ${forwardProblem}`);
  });
  return { compatible: problems.length === 0, problems };
};

/** DESIGN §4.7: every change stays readable by and can read every earlier version. */
export const checkFullTransitive = (newSchema: SchemaInput, earlierSchemas: readonly SchemaInput[]): CompatibilityResult =>
  checkCompatibility(newSchema, earlierSchemas, 'FULL_TRANSITIVE');
