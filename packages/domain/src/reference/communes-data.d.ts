/** INSEE's communes from `@etalab/decoupage-administratif`, typed by hand (see communes-data.js). */
declare const communes: readonly {
  code: string;
  nom: string;
  type: 'commune-actuelle' | 'commune-deleguee' | 'commune-associee' | 'arrondissement-municipal';
  departement?: string;
  codesPostaux?: string[];
  /** For an arrondissement municipal: its commune. */
  commune?: string;
  /** For a commune déléguée or associée: the commune it belongs to. */
  chefLieu?: string;
}[];
export default communes;
