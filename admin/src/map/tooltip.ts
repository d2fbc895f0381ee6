/** The parts of `Document` the builder needs, so that a test can hand it a fake one. */
export type NodeFactory = Pick<Document, 'createElement'>;

export interface TooltipContent {
  /** « n° 12 · Cambriolage » */
  title: string;
  /** Status and time, already translated. */
  meta: string;
  /** The resident's words: untrusted. */
  description?: string | null;
  address?: string | null;
}

const MAX_DESCRIPTION = 140;

const clip = (text: string) => (text.length > MAX_DESCRIPTION ? `${text.slice(0, MAX_DESCRIPTION - 1)}…` : text);

/**
 * Leaflet sets tooltip and popup *strings* as innerHTML. Report text goes through here instead:
 * elements are created empty and every value is assigned to `textContent`, so markup in a
 * description (`<img src=x onerror=…>`) stays text.
 */
export function buildTooltip(doc: NodeFactory, content: TooltipContent): HTMLElement {
  const root = doc.createElement('div');
  root.className = 'vigie-tooltip';
  const line = (tag: 'strong' | 'span', text: string, className: string) => {
    const element = doc.createElement(tag);
    element.className = className;
    element.textContent = text;
    root.appendChild(element);
  };
  line('strong', content.title, 'vigie-tooltip-title');
  line('span', content.meta, 'vigie-tooltip-meta');
  if (content.address) line('span', clip(content.address), 'vigie-tooltip-address');
  if (content.description) line('span', clip(content.description), 'vigie-tooltip-description');
  return root;
}
