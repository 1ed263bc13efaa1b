import { Band, FidelityAnchor, Scale } from './fidelity-anchors';

const cell = (text: string): string => text.replace(/\|/g, '\\|');

const limit = (scale: Scale, band: Band): string => {
  if (band.bound === null) return scale.kind === 'criteria' ? '–' : 'otherwise';
  return `${scale.kind === 'at-most' ? '≤' : '≥'} ${band.bound}`;
};

const howScored = (anchor: FidelityAnchor, scale: Scale): string => {
  if (!anchor.computed) return 'The anchors, for the reviewer (and for the day the item is computed):';
  switch (scale.kind) {
    case 'at-most':
      return `Key figure \`${scale.figure}\` (${scale.unit}): the best score whose limit it does not exceed.`;
    case 'at-least':
      return `Key figure \`${scale.figure}\` (${scale.unit}): the best score whose limit it reaches.`;
    case 'criteria':
      return `Scored by rungs, best first, each checked in code with the parameters below; shown with \`${scale.figure}\` (${scale.unit}).`;
  }
};

function section(anchor: FidelityAnchor): string[] {
  const lines = [`### ${anchor.id} ${anchor.name}`, ''];
  if (!anchor.computed) lines.push(`Not computed: ${anchor.notComputed ?? ''}.`, '');
  const scale = anchor.scale;
  if (!scale) return lines;
  lines.push(
    howScored(anchor, scale),
    '',
    '| score | anchor | limit | confirmed |',
    '|---|---|---|---|',
    ...scale.bands.map((band) => `| ${band.score} | ${cell(band.text)} | ${limit(scale, band)} | ${band.confirmed ? 'yes' : 'no'} |`),
    '',
  );
  const parameters = Object.entries(anchor.parameters ?? {});
  if (parameters.length > 0) {
    lines.push(
      '| parameter | value | meaning | confirmed |',
      '|---|---|---|---|',
      ...parameters.map(([name, p]) => `| \`${name}\` | ${p.value} | ${cell(p.meaning)} | ${p.confirmed ? 'yes' : 'no'} |`),
      '',
    );
  }
  lines.push(`Source: ${anchor.source}.`, '');
  return lines;
}

/** docs/fidelity-anchors.md, made from the anchors table so the two cannot drift apart. */
export function renderFidelityAnchorsDoc(anchors: readonly FidelityAnchor[]): string {
  const lines = [
    '# IPS-25 fidelity anchors',
    '',
    '<!-- Generated from libs/fidelity/src/fidelity-anchors.ts by `npm run docs:fidelity`; a unit test fails when this file is stale. -->',
    '',
    'The 25 items of the IPS-25 fidelity scale and how `GET /team-view/fidelity` scores them. Items not',
    'computed from events answer `score: null` with a reason (`source: reviewer`). "Confirmed: no" marks the',
    'anchors domain.md marks with ~ (not confirmed against the scale’s own text) and this platform’s own',
    'readings: a fidelity reviewer corrects them in the table, not in scoring code.',
    '',
    'Total (only when all 25 items are scored): 115–125 exemplary, 100–114 good, 74–99 fair, ≤73 not IPS.',
    '',
    '| item | name | score 5 | from events (domain.md) | computed here |',
    '|---|---|---|---|---|',
    ...anchors.map(
      (a) => `| ${a.id} | ${cell(a.name)} | ${cell(a.score5) || '–'} | ${a.fromEvents} | ${a.computed ? 'yes' : `no: ${cell(a.notComputed ?? '')}`} |`,
    ),
    '',
    '## Anchors',
    '',
    ...anchors.filter((a) => a.scale).flatMap(section),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}
