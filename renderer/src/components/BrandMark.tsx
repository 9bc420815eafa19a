import { Group, Text, ThemeIcon } from '@mantine/core';
import { IconLamp2 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export function BrandMark({ size = 'md' }: { size?: 'md' | 'lg' }) {
  const { t } = useTranslation();
  const large = size === 'lg';
  return (
    <Group gap={large ? 'sm' : 8} wrap="nowrap">
      <ThemeIcon size={large ? 44 : 32} radius="md" variant="gradient" gradient={{ from: 'indigo', to: 'violet', deg: 135 }}>
        <IconLamp2 size={large ? 26 : 20} stroke={1.8} />
      </ThemeIcon>
      <Text fw={700} fz={large ? 24 : 'lg'} lh={1.1} style={{ whiteSpace: 'nowrap' }}>
        {t('app.name')}
      </Text>
    </Group>
  );
}
