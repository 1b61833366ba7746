// Calm and official: the green of the national flag, system fonts, nothing fetched from outside.
import { Badge, createTheme, type MantineColorsTuple } from '@mantine/core';

/** Shade 6 is the flag's green (#1EB53A); buttons use shade 8, dark enough for white text. */
const flagGreen: MantineColorsTuple = [
  '#e9f8ed',
  '#d3efda',
  '#a7dfb4',
  '#78cf8c',
  '#51c36b',
  '#36bb56',
  '#1eb53a',
  '#17952f',
  '#117a26',
  '#0a5c1b',
];

export const theme = createTheme({
  primaryColor: 'flag',
  primaryShade: 8,
  colors: { flag: flagGreen },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif',
  headings: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif' },
  defaultRadius: 'sm',
  cursorType: 'pointer',
  components: {
    // Role and status names read as words, not as shouted labels.
    Badge: Badge.extend({ styles: { root: { textTransform: 'none' } } }),
  },
});
