import { anchorOf } from './fidelity-anchors';
import { Fidelity } from './fidelity';

/** One CSV field, quoted when it needs to be (RFC 4180). */
export const csvField = (value: string | number | null | undefined): string => {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** One row per item: the score, the key figure it was read from, where the score comes from, or why there is none. */
export function fidelityCsv(fidelity: Fidelity): string {
  const rows = fidelity.items.map((item) => {
    const anchor = anchorOf(item.item);
    const keyFigure = item.source === 'events' ? (anchor.scale?.figure ?? '') : '';
    const value = keyFigure ? item.figures[keyFigure] : null;
    return [
      item.item,
      item.name,
      item.score,
      keyFigure,
      typeof value === 'number' ? value : null,
      item.source,
      item.anchor ? (item.anchor.confirmed ? 'yes' : 'no') : null,
      item.reason,
    ]
      .map(csvField)
      .join(',');
  });
  return `item,name,score,keyFigure,value,source,anchorConfirmed,reason\n${rows.join('\n')}\n`;
}
