import { Radio, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import type { ChoiceOption } from './choice-options';

interface ChoiceRadiosProps {
  /** The first radio's id: an error summary links to it. */
  id: string;
  name: string;
  label: ReactNode;
  description?: ReactNode;
  options: ChoiceOption[];
  value?: string;
  onChange?: (value: string) => void;
  error?: ReactNode;
  required?: boolean;
}

/** A question with a few answers, as large native radio buttons (easier than a menu on a phone). */
export function ChoiceRadios(props: ChoiceRadiosProps) {
  const { id, name, label, description, options, value, onChange, error, required } = props;
  return (
    <Radio.Group
      name={name}
      label={label}
      description={description}
      value={value}
      onChange={onChange}
      error={error}
      required={required}
      size="md"
    >
      <Stack gap={8} mt="xs">
        {options.map((option, index) => (
          <Radio
            key={option.value}
            id={index === 0 ? id : `${id}-${option.value}`}
            value={option.value}
            label={option.label}
            size="md"
            classNames={{ root: 'choice-radio' }}
          />
        ))}
      </Stack>
    </Radio.Group>
  );
}
