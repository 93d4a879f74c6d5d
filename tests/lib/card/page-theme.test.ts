import { afterEach, describe, expect, it } from 'vitest';
import { luminance, pageThemeAt } from '@/lib/card/page-theme';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('pageThemeAt', () => {
  it('reads the first opaque background around the mention', () => {
    document.body.innerHTML =
      '<div style="background-color: rgb(20, 20, 24)"><p id="dark"><span style="background-color: rgba(255, 255, 255, 0.1)">x</span></p></div>' +
      '<div style="background-color: rgb(250, 250, 250)"><p id="light">y</p></div>';
    expect(pageThemeAt(document.querySelector('#dark span'))).toBe('dark');
    expect(pageThemeAt(document.getElementById('light'))).toBe('light');
  });

  it('takes a page with no background for a light one', () => {
    document.body.innerHTML = '<p id="p">z</p>';
    expect(pageThemeAt(document.getElementById('p'))).toBe('light');
  });

  it('ranks colours by WCAG luminance', () => {
    expect(luminance({ r: 255, g: 255, b: 255 })).toBeCloseTo(1);
    expect(luminance({ r: 0, g: 0, b: 0 })).toBe(0);
    expect(luminance({ r: 118, g: 118, b: 118 })).toBeCloseTo(0.18, 2);
  });
});
