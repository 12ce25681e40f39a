/**
 * Every request and success response in the OpenAPI document gets an example, synthesised from its
 * schema with realistic French values where a field's name says what it holds. Hand-written
 * `example`/`examples`/`default` values in the zod schemas win over synthesised ones.
 */

type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  example?: unknown;
  examples?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  minItems?: number;
  minLength?: number;
  pattern?: string;
};

type Document = {
  paths?: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, JsonSchema> };
};
type MediaType = { schema?: JsonSchema; example?: unknown; examples?: unknown };
type Operation = {
  requestBody?: { content?: Record<string, MediaType> };
  responses?: Record<string, { content?: Record<string, MediaType> }>;
};

const EXAMPLE_ID = '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b7a';

/** Values for fields whose format a pattern constrains, by field name. */
const BY_NAME: Record<string, string> = {
  phone: '+33612345678',
  postalCode: '59100',
  inseeCode: '59512',
  departmentCode: '59',
  slug: 'roubaix',
  rncpCode: 'RNCP37674',
  qpvCode: 'QN05912M',
  identifier: '1234567A',
  email: 'ines.martin@exemple.fr',
  firstName: 'Inès',
  lastName: 'Martin',
  displayName: 'Karim Benali',
  name: 'Roubaix',
  city: 'Roubaix',
  title: 'Développeur·se web et web mobile',
  street: '12 rue de Lannoy',
  communeName: 'Roubaix',
  password: 'un mot de passe solide',
  reason: 'Situation vérifiée avec la conseillère France Travail',
  comment: 'Très motivée, a suivi un MOOC de JavaScript.',
  privacyNoticeVersion: '2026-11',
  locale: 'fr',
  q: 'martin',
  source: 'mission_locale',
  nextCursor: 'MDE5YWMxZjItN2IzZS03YzQxLTlhNTUtMmYxZThkMGM0Yjdh',
  cursor: 'MDE5YWMxZjItN2IzZS03YzQxLTlhNTUtMmYxZThkMGM0Yjdh',
};

/** Values of any type for well-known field names, used when they have the schema's type. */
const BY_NAME_ANY_TYPE: Record<string, unknown> = {
  birthDate: '2003-04-17',
  applicationOpensOn: '2027-01-04',
  applicationClosesOn: '2027-02-26',
  startDate: '2027-03-15',
  endDate: '2027-09-30',
  applicationDate: '2027-01-12',
  documentDate: '2026-11-02',
  since: '2025-06-02',
  statedOn: '2026-11-26',
  website: '',
  capacity: 20,
  durationHours: 1200,
  rncpLevel: 5,
  latitude: 50.6942,
  longitude: 3.1746,
  score: 0.92,
  label: '12 Rue de Lannoy 59100 Roubaix',
  registered: true,
  isResident: true,
  minShare: 0.3,
  limit: 50,
  version: 1,
};

const BY_FORMAT: Record<string, string> = {
  uuid: EXAMPLE_ID,
  'date-time': '2026-11-26T10:00:00.000Z',
  date: '2026-11-26',
  email: 'ines.martin@exemple.fr',
  uri: 'https://exemple.fr',
};

function typesOf(schema: JsonSchema): string[] {
  if (Array.isArray(schema.type)) return schema.type;
  return schema.type ? [schema.type] : [];
}

export function synthesizeExample(
  schema: JsonSchema | undefined,
  schemas: Record<string, JsonSchema>,
  fieldName = '',
  depth = 0,
): unknown {
  if (!schema || depth > 30) return undefined;
  if (schema.$ref) {
    const name = schema.$ref.split('/').at(-1) ?? '';
    return synthesizeExample(schemas[name], schemas, fieldName, depth + 1);
  }
  // A field's name says more than the example of the shared schema it uses (all dates alike).
  const known = BY_NAME_ANY_TYPE[fieldName];
  const knownTypes = typeof known === 'number' ? ['number', 'integer'] : [typeof known];
  if (known !== undefined && typesOf(schema).some((type) => knownTypes.includes(type))) return known;
  if (schema.example !== undefined) return schema.example;
  if (schema.examples?.length) return schema.examples[0];
  if (schema.const !== undefined) return schema.const;
  if (schema.default !== undefined && schema.default !== null) return schema.default;
  if (schema.enum?.length) return schema.enum.find((value) => value !== null) ?? schema.enum[0];
  const options = schema.anyOf ?? schema.oneOf;
  if (options?.length) {
    const option = options.find((candidate) => !typesOf(candidate).includes('null')) ?? options[0];
    return synthesizeExample(option, schemas, fieldName, depth + 1);
  }
  if (schema.allOf?.length) {
    return Object.assign(
      {},
      ...schema.allOf.map((part) => synthesizeExample(part, schemas, fieldName, depth + 1)),
    );
  }
  const type =
    typesOf(schema).find((candidate) => candidate !== 'null') ?? (schema.properties ? 'object' : undefined);
  switch (type) {
    case 'object': {
      const example: Record<string, unknown> = {};
      for (const [name, property] of Object.entries(schema.properties ?? {})) {
        const value = synthesizeExample(property, schemas, name, depth + 1);
        if (value !== undefined) example[name] = value;
      }
      return example;
    }
    case 'array': {
      const item = synthesizeExample(schema.items, schemas, fieldName, depth + 1);
      return item === undefined ? [] : Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () => item);
    }
    case 'string': {
      if (schema.format && BY_FORMAT[schema.format]) return BY_FORMAT[schema.format];
      if (BY_NAME[fieldName]) return BY_NAME[fieldName];
      if (/Id$/.test(fieldName) || fieldName === 'id') return EXAMPLE_ID;
      if (/(On|Date)$/.test(fieldName)) return '2026-11-26';
      if (/At$/.test(fieldName)) return '2026-11-26T10:00:00.000Z';
      const text = fieldName ? fieldName.replace(/([A-Z])/g, ' $1').toLowerCase() : 'texte';
      return text.padEnd(schema.minLength ?? 0, '.');
    }
    case 'integer':
    case 'number': {
      const minimum =
        schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1);
      return schema.maximum !== undefined ? Math.min(minimum, schema.maximum) : minimum;
    }
    case 'boolean':
      return false;
    default:
      return undefined;
  }
}

const PROBLEM_EXAMPLES: Record<string, unknown> = {
  '400': {
    type: 'urn:passerelle:problem:validation_failed',
    title: 'Invalid request',
    status: 400,
    code: 'validation_failed',
    detail: '1 invalid field: body.email',
    errors: [{ path: 'body.email', message: 'invalid e-mail address' }],
  },
  '401': {
    type: 'urn:passerelle:problem:unauthenticated',
    title: 'Authentication required',
    status: 401,
    code: 'unauthenticated',
  },
  '403': { type: 'urn:passerelle:problem:forbidden', title: 'Forbidden', status: 403, code: 'forbidden' },
  '404': { type: 'urn:passerelle:problem:not_found', title: 'Not found', status: 404, code: 'not_found' },
  '409': {
    type: 'urn:passerelle:problem:stale_version',
    title: 'Stale version',
    status: 409,
    code: 'stale_version',
    detail: 'the record is at version 3, the change was based on version 2; reload it and retry',
  },
  '412': {
    type: 'urn:passerelle:problem:precondition_failed',
    title: 'Precondition failed',
    status: 412,
    code: 'precondition_failed',
  },
  '422': {
    type: 'urn:passerelle:problem:rule_violated',
    title: 'Domain rule violated',
    status: 422,
    code: 'rule_violated',
  },
  '429': {
    type: 'urn:passerelle:problem:rate_limited',
    title: 'Too many requests',
    status: 429,
    code: 'rate_limited',
    detail: 'Too many requests; retry in 42 s',
  },
  '500': {
    type: 'urn:passerelle:problem:internal',
    title: 'Internal server error',
    status: 500,
    code: 'internal',
  },
};

export function addExamples<T>(input: T): T {
  const document = input as Document;
  const schemas = document.components?.schemas ?? {};
  for (const pathItem of Object.values(document.paths ?? {})) {
    for (const operation of Object.values(pathItem)) {
      for (const media of Object.values(operation.requestBody?.content ?? {})) {
        if (media.example === undefined && media.examples === undefined && media.schema) {
          media.example = synthesizeExample(media.schema, schemas);
        }
      }
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        for (const media of Object.values(response.content ?? {})) {
          if (media.example !== undefined || media.examples !== undefined) continue;
          const example =
            Number(status) >= 400 ? PROBLEM_EXAMPLES[status] : synthesizeExample(media.schema, schemas);
          if (example !== undefined) media.example = example;
        }
      }
    }
  }
  return input;
}
