/*
 * Small helpers shared by the HTML and SVG renderers (pure string functions, no Node APIs, so a browser bundle may
 * use them too).
 */

/** Text escaped for XML and HTML, in element content and in double-quoted attributes. */
export const escapeXml = (text: string): string =>
  text.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!);

/** The font size of diagram text, in px; diagrams use a monospace font so a text's width is known without a browser. */
export const fontSize = 12;
/** The advance of one character of the monospace font at `fontSize` (0.6 em, as most monospace fonts have). */
export const charWidth = fontSize * 0.6;

/** The width in px of `text` in the diagrams' font (one column per code point; wide symbols are rare in traces). */
export const textWidth = (text: string): number => [...text].length * charWidth;

/** `text` cut to at most `max` characters, with an ellipsis when cut. */
export const clip = (text: string, max: number): string => {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
};

/** A number for an SVG attribute: at most one decimal. */
export const px = (n: number): string => String(Math.round(n * 10) / 10);
