import { Button, Checkbox, Popover, Stack } from '@mantine/core';
import { IconColumns } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CANDIDACY_COLUMNS, type CandidacyColumn } from '../api/candidacy-filters';

interface ColumnPickerProps {
  columns: readonly CandidacyColumn[];
  onChange: (columns: CandidacyColumn[]) => void;
}

export function ColumnPicker({ columns, onChange }: ColumnPickerProps) {
  const { t } = useTranslation();
  return (
    <Popover position="bottom-end" shadow="md" withinPortal trapFocus>
      <Popover.Target>
        <Button variant="default" leftSection={<IconColumns size={18} aria-hidden />}>
          {t('candidacies.table.columns')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Checkbox.Group
          label={t('candidacies.table.columnsLabel')}
          value={[...columns]}
          onChange={(values) => {
            // The candidate's name always stays: it is the link to the candidacy.
            const next = CANDIDACY_COLUMNS.filter(
              (column) => column === 'candidate' || values.includes(column),
            );
            onChange(next);
          }}
        >
          <Stack gap={8} mt="xs">
            {CANDIDACY_COLUMNS.map((column) => (
              <Checkbox
                key={column}
                value={column}
                label={t(`candidacies.columns.${column}`)}
                disabled={column === 'candidate'}
              />
            ))}
          </Stack>
        </Checkbox.Group>
      </Popover.Dropdown>
    </Popover>
  );
}
