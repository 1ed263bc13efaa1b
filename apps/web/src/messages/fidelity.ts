/** The supervisors' fidelity and outcomes screens, in every language (norsk bokmål's shape). */
const nb = {
  fidelityTitle: 'Fidelitet',
  outcomesTitle: 'Resultater',
};

export type FidelityMessages = typeof nb;

export const fidelity: Readonly<Record<'nb' | 'sv' | 'en', FidelityMessages>> = {
  nb,
  sv: {
    fidelityTitle: 'Programtrohet',
    outcomesTitle: 'Resultat',
  },
  en: {
    fidelityTitle: 'Fidelity',
    outcomesTitle: 'Outcomes',
  },
};
