// 3.1.8: the strong-password rules as a live checklist beside the field, from the same rules the core enforces.
import { List, Text, ThemeIcon } from '@mantine/core';
import { IconCheck, IconPointFilled } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { passwordRules } from '../../db/users/contract.ts';

export function PasswordChecklist({ value }: { value: string }) {
  const { t } = useTranslation();
  return (
    <div data-testid="password-checklist">
      <Text size="sm" fw={500} mb={4}>
        {t('password.rules-title')}
      </Text>
      <List spacing={2} size="sm" center>
        {passwordRules.map((rule) => {
          const met = rule.test(value);
          return (
            <List.Item
              key={rule.key}
              data-met={met}
              icon={
                <ThemeIcon color={met ? 'flag' : 'gray'} variant={met ? 'filled' : 'light'} size={16} radius="xl">
                  {met ? <IconCheck size={11} /> : <IconPointFilled size={9} />}
                </ThemeIcon>
              }
            >
              <Text size="sm" c={met ? 'flag.9' : 'dimmed'}>
                {t(rule.key)}
              </Text>
            </List.Item>
          );
        })}
      </List>
    </div>
  );
}
