import { CRITERION_CODES, type EligibilityRules, EligibilityRulesSchema } from './eligibility.schema.ts';
import { isEligibleByRule, listActiveCriteria } from './eligibility.ts';

export interface PolicyIssue {
  key:
    | 'policy.min_criteria_above_enabled'
    | 'policy.required_not_enabled'
    | 'policy.required_contradictory'
    | 'policy.age_limits_inverted'
    | 'policy.unsatisfiable';
  params: Record<string, string | number>;
  path: (string | number)[];
}

/** The default policy of domain.md: every parameter at its default. */
export function createDefaultRules(): EligibilityRules {
  return EligibilityRulesSchema.parse({});
}

/**
 * Refuses a policy nobody can satisfy or that contradicts itself, with one issue per problem
 * (message keys of the catalogue, e.g. `formatMessage(issue, 'fr')`).
 */
export function validateEligibilityRules(rules: EligibilityRules): PolicyIssue[] {
  const issues: PolicyIssue[] = [];
  const enabledCount = CRITERION_CODES.filter((code) => rules.criteria[code].enabled).length;
  if (rules.minCriteria > enabledCount) {
    issues.push({
      key: 'policy.min_criteria_above_enabled',
      params: { minCriteria: rules.minCriteria, enabledCount },
      path: ['minCriteria'],
    });
  }
  for (const [index, code] of rules.requiredCriteria.entries()) {
    if (!rules.criteria[code].enabled) {
      issues.push({
        key: 'policy.required_not_enabled',
        params: { criterion: code },
        path: ['requiredCriteria', index],
      });
    }
  }
  const youngMaxAge = rules.criteria.young.maxAgeExclusive;
  const seniorMinAge = rules.criteria.senior.minAge;
  if (
    rules.requiredCriteria.includes('young') &&
    rules.requiredCriteria.includes('senior') &&
    youngMaxAge <= seniorMinAge
  ) {
    issues.push({
      key: 'policy.required_contradictory',
      params: { youngMaxAge, seniorMinAge },
      path: ['requiredCriteria'],
    });
  }
  if (rules.maxAge !== null && rules.maxAge < rules.minAge) {
    issues.push({
      key: 'policy.age_limits_inverted',
      params: { minAge: rules.minAge, maxAge: rules.maxAge },
      path: ['maxAge'],
    });
  }
  if (issues.length === 0 && !isSatisfiable(rules))
    issues.push({ key: 'policy.unsatisfiable', params: {}, path: [] });
  return issues;
}

/**
 * Whether some candidate can be eligible. The rule only gains from met criteria, and only age ties
 * criteria together, so it suffices to try every age band with all other criteria met.
 */
function isSatisfiable(rules: EligibilityRules): boolean {
  const thresholds = [rules.criteria.young.maxAgeExclusive, rules.criteria.senior.minAge, rules.minAge];
  if (rules.maxAge !== null) thresholds.push(rules.maxAge + 1);
  const ages = [...new Set([0, 130, ...thresholds.flatMap((age) => [age - 1, age])])].filter(
    (age) => age >= 0,
  );
  const active = listActiveCriteria(rules);
  return ages.some((age) =>
    isEligibleByRule(rules, (slot) => {
      switch (slot) {
        case 'min_age':
          return age >= rules.minAge;
        case 'max_age':
          return rules.maxAge === null || age <= rules.maxAge;
        case 'guardian_consent':
          return true;
        case 'young':
          return age < rules.criteria.young.maxAgeExclusive;
        case 'senior':
          return age >= rules.criteria.senior.minAge;
        default:
          return active.includes(slot);
      }
    }),
  );
}
