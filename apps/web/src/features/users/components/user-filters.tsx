import { CloseButton, Group, NativeSelect, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { type Role, RoleSchema } from '@passerelle/domain/user/user.schema';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserListFilters } from '../api/user-keys';
import { roleOptions } from './role-select-data';

interface UserFiltersProps {
  filters: UserListFilters;
  onChange: (filters: UserListFilters) => void;
}

export function UserFilters({ filters, onChange }: UserFiltersProps) {
  const { t } = useTranslation();
  const [query, setQuery] = useState(filters.q ?? '');
  const pushQuery = useDebouncedCallback(
    (q: string) => onChange({ ...filters, q: q.trim() || undefined }),
    300,
  );

  // Back/forward or a reset changes the URL: follow it.
  useEffect(() => setQuery(filters.q ?? ''), [filters.q]);

  return (
    <Group gap="sm" align="flex-end" mb="md" role="search" aria-label={t('users.filters')}>
      <TextInput
        label={t('users.search')}
        placeholder={t('users.searchPlaceholder')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={query}
        type="search"
        onChange={(event) => {
          setQuery(event.currentTarget.value);
          pushQuery(event.currentTarget.value);
        }}
        rightSection={
          query ? (
            <CloseButton
              size="sm"
              aria-label={t('users.clearSearch')}
              onClick={() => {
                setQuery('');
                onChange({ ...filters, q: undefined });
              }}
            />
          ) : null
        }
        w={{ base: '100%', xs: 280 }}
      />
      <NativeSelect
        label={t('users.role')}
        value={filters.role ?? ''}
        data={[{ value: '', label: t('users.allRoles') }, ...roleOptions(t)]}
        onChange={(event) => {
          const parsed = RoleSchema.safeParse(event.currentTarget.value);
          const role: Role | undefined = parsed.success ? parsed.data : undefined;
          onChange({ ...filters, role });
        }}
        w={{ base: '100%', xs: 220 }}
      />
    </Group>
  );
}
