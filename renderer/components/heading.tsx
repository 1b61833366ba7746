// A title with its one-line explanation under it: a page's (sign-in, first setup) or a section's.
import { Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export function Heading({ title, intro, page, introSize = 'sm', children }: { title: string; intro?: ReactNode; page?: boolean; introSize?: 'xs' | 'sm'; children?: ReactNode }) {
  return (
    <div>
      <Title order={page ? 2 : 3} size={page ? 'h3' : 'h5'}>
        {title}
      </Title>
      {intro ? (
        <Text size={introSize} c="dimmed">
          {intro}
        </Text>
      ) : null}
      {children}
    </div>
  );
}
