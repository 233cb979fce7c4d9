import { html, SafeHtml } from './html.js';

// Pictograms for each part of a page: decorative (the heading beside says the same), so hidden from screen readers.
const paths = {
  person: '<circle cx="24" cy="14" r="8"/><path d="M8 42c0-9 7-16 16-16s16 7 16 16"/>',
  shield: '<path d="M24 4 8 10v12c0 10 7 18 16 22 9-4 16-12 16-22V10z"/><path d="m17 24 5 5 9-10"/>',
  hand: '<path d="M16 26V10a3 3 0 0 1 6 0v12M22 22V7a3 3 0 0 1 6 0v15M28 22V10a3 3 0 0 1 6 0v18c0 8-5 14-13 14-5 0-8-3-11-7l-5-8a3 3 0 0 1 5-3l4 5"/>',
  phone: '<path d="M14 6h-4a4 4 0 0 0-4 4c0 18 14 32 32 32a4 4 0 0 0 4-4v-4l-9-4-4 4c-6-3-9-6-12-12l4-4z"/>',
  arrow: '<circle cx="24" cy="24" r="19"/><path d="M16 24h16m-6-7 7 7-7 7"/>',
  star: '<path d="m24 5 6 12 13 2-9 9 2 13-12-6-12 6 2-13-9-9 13-2z"/>',
  alert: '<path d="M24 5 3 42h42z"/><path d="M24 18v11m0 6v1"/>',
  lock: '<rect x="9" y="21" width="30" height="22" rx="3"/><path d="M15 21v-6a9 9 0 0 1 18 0v6m-9 9v5"/>',
} as const;

export type IconName = keyof typeof paths;

export function icon(name: IconName): SafeHtml {
  // The path data are constants of this file, never user input.
  const shape = new SafeHtml(paths[name]);
  return html`<svg class="icon" viewBox="0 0 48 48" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="3" stroke-linecap="round" stroke-linejoin="round">${shape}</svg>`;
}
