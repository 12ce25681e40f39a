import {
  Alert,
  Button,
  Group,
  Modal,
  NativeSelect,
  NumberInput,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { CreatePartnerOfferSchema, OFFER_KINDS, type OfferKind } from '@passerelle/domain/offer/offer.schema';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../lib/problem-message';
import { useCreateOffer } from '../api/save-offer';

interface OfferDraft {
  title: string;
  kind: OfferKind;
  positions: number;
  skills: string;
  startDate: string;
  endDate: string;
  description: string;
}

const EMPTY_OFFER: OfferDraft = {
  title: '',
  kind: 'internship',
  positions: 1,
  skills: '',
  startDate: '',
  endDate: '',
  description: '',
};

export function OfferFormDialog({
  opened,
  partnerId,
  onClose,
}: {
  opened: boolean;
  partnerId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const createMutation = useCreateOffer(partnerId);
  const [draft, setDraft] = useState<OfferDraft>(EMPTY_OFFER);
  const [errors, setErrors] = useState<Record<string, string>>({});

  useEffect(() => {
    if (!opened) return;
    setDraft(EMPTY_OFFER);
    setErrors({});
    createMutation.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened]);

  const submit = () => {
    const parsed = CreatePartnerOfferSchema.safeParse({
      title: draft.title,
      kind: draft.kind,
      positions: draft.positions,
      skills: draft.skills
        .split(',')
        .map((skill) => skill.trim())
        .filter(Boolean),
      startDate: draft.startDate || null,
      endDate: draft.endDate || null,
      description: draft.description.trim() || null,
    });
    if (!parsed.success) {
      const next: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        next[String(issue.path[0])] ??=
          issue.message === 'offer.dates_inverted'
            ? t('placements.errors.placement.dates_inverted')
            : t('validation.invalid');
      }
      if (draft.title.trim().length < 2) next.title = t('validation.tooShort', { min: 2 });
      setErrors(next);
      return;
    }
    setErrors({});
    createMutation.mutate(parsed.data, { onSuccess: onClose });
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="lg"
      title={t('partners.offer.form.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          <TextInput
            label={t('partners.offer.form.titleField')}
            required
            maxLength={200}
            value={draft.title}
            error={errors.title}
            onChange={(event) => setDraft({ ...draft, title: event.currentTarget.value })}
          />
          <Group grow align="flex-start">
            <NativeSelect
              label={t('partners.offer.form.kind')}
              required
              value={draft.kind}
              data={OFFER_KINDS.map((kind) => ({ value: kind, label: t(`partners.offer.kinds.${kind}`) }))}
              onChange={(event) => {
                const kind = OFFER_KINDS.find((candidate) => candidate === event.currentTarget.value);
                if (kind) setDraft({ ...draft, kind });
              }}
            />
            <NumberInput
              label={t('partners.offer.form.positions')}
              min={1}
              max={100}
              allowDecimal={false}
              value={draft.positions}
              error={errors.positions}
              onChange={(value) => setDraft({ ...draft, positions: typeof value === 'number' ? value : 1 })}
            />
          </Group>
          <Group grow align="flex-start">
            <TextInput
              type="date"
              label={t('partners.offer.form.startDate')}
              value={draft.startDate}
              onChange={(event) => setDraft({ ...draft, startDate: event.currentTarget.value })}
            />
            <TextInput
              type="date"
              label={t('partners.offer.form.endDate')}
              value={draft.endDate}
              error={errors.endDate}
              onChange={(event) => setDraft({ ...draft, endDate: event.currentTarget.value })}
            />
          </Group>
          <TextInput
            label={t('partners.offer.form.skills')}
            value={draft.skills}
            onChange={(event) => setDraft({ ...draft, skills: event.currentTarget.value })}
          />
          <Textarea
            label={t('partners.offer.form.description')}
            autosize
            minRows={2}
            maxLength={5000}
            value={draft.description}
            onChange={(event) => setDraft({ ...draft, description: event.currentTarget.value })}
          />
          {createMutation.isError && (
            <Alert color="red" variant="light" role="alert" icon={<IconAlertTriangle aria-hidden />}>
              {describeError(createMutation.error, t)}
              {createMutation.error.message ? ` — ${createMutation.error.message}` : ''}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={createMutation.isPending}>
              {t('partners.offer.form.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
