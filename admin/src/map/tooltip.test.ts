import { describe, expect, it } from 'vitest';
import { buildTooltip, type NodeFactory } from './tooltip.ts';

/**
 * A minimal DOM: elements keep their text and children; assigning HTML throws, so any path that
 * would let the browser parse report text as markup fails the test.
 */
class FakeElement {
  className = '';
  children: FakeElement[] = [];
  private text = '';
  constructor(readonly tagName: string) {}
  set textContent(value: string) {
    this.text = value;
    this.children = [];
  }
  get textContent(): string {
    return this.text + this.children.map((child) => child.textContent).join('');
  }
  set innerHTML(_value: string) {
    throw new Error('innerHTML must never be used for report text');
  }
  set outerHTML(_value: string) {
    throw new Error('outerHTML must never be used for report text');
  }
  insertAdjacentHTML() {
    throw new Error('insertAdjacentHTML must never be used for report text');
  }
  appendChild(child: FakeElement) {
    this.children.push(child);
    return child;
  }
}

const fakeDocument = { createElement: (tag: string) => new FakeElement(tag.toUpperCase()) } as unknown as NodeFactory;
const XSS = '<img src=x onerror=alert(1)>';

describe('buildTooltip', () => {
  it('renders a description full of markup as text, creating no element from it', () => {
    const root = buildTooltip(fakeDocument, { title: 'n° 12 · Cambriolage', meta: 'Nouveau · 14:05', description: XSS }) as unknown as FakeElement;
    const all = [root, ...root.children];
    expect(all.map((element) => element.tagName)).toEqual(['DIV', 'STRONG', 'SPAN', 'SPAN']);
    expect(all.some((element) => element.tagName === 'IMG')).toBe(false);
    expect(root.children[2]!.textContent).toBe(XSS);
    expect(root.textContent).toContain(XSS);
  });

  it('treats the address and the title as text too', () => {
    const root = buildTooltip(fakeDocument, { title: '<b>x</b>', meta: '<i>y</i>', address: '<script>alert(1)</script>' }) as unknown as FakeElement;
    expect(root.children.map((child) => child.textContent)).toEqual(['<b>x</b>', '<i>y</i>', '<script>alert(1)</script>']);
  });

  it('clips long descriptions and leaves out empty ones', () => {
    const long = buildTooltip(fakeDocument, { title: 't', meta: 'm', description: 'a'.repeat(500) }) as unknown as FakeElement;
    expect(long.children[2]!.textContent).toHaveLength(140);
    expect(long.children[2]!.textContent.endsWith('…')).toBe(true);
    const none = buildTooltip(fakeDocument, { title: 't', meta: 'm', description: null, address: '' }) as unknown as FakeElement;
    expect(none.children).toHaveLength(2);
  });
});
