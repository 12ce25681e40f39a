import communesData from './communes-data.js';

/**
 * Commune lookups over `@etalab/decoupage-administratif` (INSEE's official geographic code, with La
 * Poste postal codes). Kept in its own module: importing it brings ~8 MB of JSON, which the
 * eligibility engine and the web form's bundle must not carry; the API or a lazy chunk imports it.
 */

export interface Commune {
  inseeCode: string;
  name: string;
  departmentCode: string;
  postalCodes: readonly string[];
}

interface CommuneIndex {
  byInseeCode: Map<string, Commune>;
  byPostalCode: Map<string, Commune[]>;
  /** Arrondissements municipaux, communes déléguées and associées → their current commune. */
  parentCode: Map<string, string>;
}

let index: CommuneIndex | undefined;

function getIndex(): CommuneIndex {
  if (index) return index;
  const byInseeCode = new Map<string, Commune>();
  const byPostalCode = new Map<string, Commune[]>();
  const parentCode = new Map<string, string>();
  for (const entry of communesData) {
    if (entry.type === 'commune-actuelle') {
      const commune: Commune = {
        inseeCode: entry.code,
        name: entry.nom,
        departmentCode: entry.departement ?? entry.code.slice(0, 2),
        postalCodes: entry.codesPostaux ?? [],
      };
      byInseeCode.set(commune.inseeCode, commune);
      for (const postalCode of commune.postalCodes) {
        const communes = byPostalCode.get(postalCode) ?? [];
        communes.push(commune);
        byPostalCode.set(postalCode, communes);
      }
    } else {
      const parent = entry.type === 'arrondissement-municipal' ? entry.commune : entry.chefLieu;
      if (parent && parent !== entry.code) parentCode.set(entry.code, parent);
    }
  }
  for (const communes of byPostalCode.values()) communes.sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  index = { byInseeCode, byPostalCode, parentCode };
  return index;
}

/** The current commune of an INSEE code; an arrondissement (Paris, Lyon, Marseille) maps to its commune. */
export function findCommuneByInseeCode(inseeCode: string): Commune | null {
  const { byInseeCode, parentCode } = getIndex();
  const code = inseeCode.trim().toUpperCase();
  return byInseeCode.get(code) ?? byInseeCode.get(parentCode.get(code) ?? '') ?? null;
}

/** The current communes a postal code serves, by name; the person picks among them. */
export function findCommunesByPostalCode(postalCode: string): readonly Commune[] {
  return getIndex().byPostalCode.get(postalCode.trim()) ?? [];
}
