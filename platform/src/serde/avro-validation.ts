import type { Type, types } from 'avsc';
import type { FieldIssue } from '../errors';

const describeValue = (value: unknown): string => {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value);

/** Keys the schema doesn't declare, at any depth: avsc would drop them silently. */
const undeclaredFields = (type: Type, value: unknown, path: string[]): FieldIssue[] => {
  switch (type.typeName) {
    case 'record': {
      if (!isObject(value)) return [];
      const { fields } = type as types.RecordType;
      const declared = new Set(fields.map((field) => field.name));
      return [
        ...Object.keys(value)
          .filter((key) => !declared.has(key))
          .map((key) => ({ field: [...path, key].join('.'), message: 'not a field of the schema' })),
        ...fields.flatMap((field) => undeclaredFields(field.type, value[field.name], [...path, field.name])),
      ];
    }
    case 'array':
      return Array.isArray(value)
        ? value.flatMap((item, index) => undeclaredFields((type as types.ArrayType).itemsType, item, [...path, String(index)]))
        : [];
    case 'map':
      return isObject(value)
        ? Object.entries(value).flatMap(([key, item]) => undeclaredFields((type as types.MapType).valuesType as Type, item, [...path, key]))
        : [];
    case 'union:unwrapped': {
      const branch = (type as types.UnwrappedUnionType).types.find((candidate) => candidate.isValid(value));
      return branch ? undeclaredFields(branch, value, path) : [];
    }
    default:
      return [];
  }
};

/**
 * What is wrong with `data` for `type`, one issue per dotted field path:
 * values of the wrong type, and fields the schema doesn't declare.
 */
export const avroValidationIssues = (type: Type, data: unknown): FieldIssue[] => {
  const issues: FieldIssue[] = [];
  type.isValid(data, {
    errorHook: (path, value) => issues.push({ field: path.join('.'), message: `invalid value ${describeValue(value)}` }),
  });
  return [...issues, ...undeclaredFields(type, data, [])];
};
