import { describe, expect, it } from 'vitest';
import {
  DEFAULT_BRANDING,
  applyBranding,
  onColor,
  parseBranding,
} from '../../src/branding/branding';

describe('branding', () => {
  it('reads the /api/branding answer', () => {
    expect(
      parseBranding({
        name: 'Acme',
        tagline: 'Hi',
        logo_url: '/logo.png',
        primary_color: '#112233',
        favicon_url: 'https://x.example/f.ico',
      }),
    ).toEqual({
      name: 'Acme',
      tagline: 'Hi',
      logoUrl: '/logo.png',
      primaryColor: '#112233',
      faviconUrl: 'https://x.example/f.ico',
    });
  });

  it('ignores unsafe URLs and malformed colours, and falls back to the default name', () => {
    expect(
      parseBranding({
        name: ' ',
        logo_url: 'javascript:alert(1)',
        primary_color: 'red',
        favicon_url: '//evil.example/f.ico',
      }),
    ).toEqual({
      ...DEFAULT_BRANDING,
      tagline: null,
    });
    expect(parseBranding(null).name).toBe('ReturnDesk');
  });

  it('picks readable text for the brand colour', () => {
    expect(onColor('#2563eb')).toBe('#ffffff');
    expect(onColor('#facc15')).toBe('#111827');
  });

  it('sets the title, the brand variables and the favicon', () => {
    applyBranding({
      name: 'Acme',
      tagline: null,
      logoUrl: null,
      primaryColor: '#facc15',
      faviconUrl: '/f.ico',
    });
    expect(document.title).toBe('Acme');
    expect(document.documentElement.style.getPropertyValue('--rd-brand-primary')).toBe('#facc15');
    expect(document.documentElement.style.getPropertyValue('--rd-brand-on-primary')).toBe(
      '#111827',
    );
    expect(document.querySelector('link[rel="icon"]')?.getAttribute('href')).toBe('/f.ico');
  });
});
