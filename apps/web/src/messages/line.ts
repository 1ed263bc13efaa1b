/** The 24/7 line's staff screens (the queue, the on-call and crisis duty rosters), in every language (norsk bokmål's shape). */
const nb = {
  title: 'Døgnlinjen',
};

export type LineMessages = typeof nb;

export const line: Readonly<Record<'nb' | 'sv' | 'en', LineMessages>> = {
  nb,
  sv: {
    title: 'Dygnet runt-linjen',
  },
  en: {
    title: '24/7 line',
  },
};
