import { type CSSVariablesResolver, createTheme, type MantineColorsTuple, Modal } from '@mantine/core';

// Shade 6 and above keep at least 4.5:1 against white (WCAG AA) for filled buttons and links.
const passerelle: MantineColorsTuple = [
  '#e9f1fa',
  '#d2e2f3',
  '#a6c4e7',
  '#77a4da',
  '#5089cf',
  '#3878c8',
  '#1f5f9e',
  '#1a5189',
  '#154372',
  '#0f3459',
];

export const theme = createTheme({
  primaryColor: 'passerelle',
  primaryShade: { light: 6, dark: 4 },
  colors: { passerelle },
  fontFamily:
    'Inter, "Segoe UI", system-ui, -apple-system, Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: { fontWeight: '700' },
  defaultRadius: 'md',
  focusRing: 'auto',
  cursorType: 'pointer',
  components: {
    Modal: Modal.extend({ styles: { title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } } }),
  },
});

// Mantine's default dimmed grey and error red are below 4.5:1 on white; darken them for text.
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#575e66',
    '--mantine-color-placeholder': '#6b7179',
    '--mantine-color-error': '#c92a2a',
  },
  dark: {},
});
