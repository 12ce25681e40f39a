import type { CandidateFacts, RuralClassification } from '../candidate/candidate.schema.ts';

export interface RuralCommune {
  inseeCode: string;
  frr: RuralClassification;
  densityLevel?: number | undefined;
}

export interface RuralDataset {
  vintage: string;
  communes: readonly RuralCommune[];
}

export interface RuralLookup {
  readonly vintage: string;
  lookup(inseeCode: string): RuralCommune | null;
}

/** Over an imported, dated commune list; a commune missing from it stays unknown. */
export function createRuralLookup(dataset: RuralDataset): RuralLookup {
  const byCode = new Map(dataset.communes.map((commune) => [commune.inseeCode, commune]));
  return { vintage: dataset.vintage, lookup: (inseeCode) => byCode.get(inseeCode) ?? null };
}

export function toRuralFact(commune: RuralCommune | null, vintage: string): CandidateFacts['rural'] {
  if (!commune) return undefined;
  return {
    value: { frr: commune.frr, densityLevel: commune.densityLevel, inseeCode: commune.inseeCode, vintage },
    origin: 'computed',
    computation: { source: 'frr', vintage, detail: `${commune.inseeCode}: ${commune.frr}` },
  };
}
