import { ActionIcon, Alert, Button, Group, Modal, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import {
  PARTNER_KINDS,
  type Partner,
  type PartnerKind,
  PartnerKindSchema,
  UpdatePartnerSchema,
} from '@passerelle/domain/partner/partner.schema';
import { IconAlertTriangle, IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-client';
import { describeError } from '../../../lib/problem-message';
import { useSavePartner } from '../api/save-partner';

interface ContactDraft {
  name: string;
  role: string;
  email: string;
  phone: string;
}

interface PartnerDraft {
  name: string;
  kind: PartnerKind;
  siret: string;
  contacts: ContactDraft[];
}

const EMPTY_CONTACT: ContactDraft = { name: '', role: '', email: '', phone: '' };

function draftOf(partner: Partner | undefined): PartnerDraft {
  if (!partner) return { name: '', kind: 'company', siret: '', contacts: [] };
  return {
    name: partner.name,
    kind: partner.kind,
    siret: partner.siret ?? '',
    contacts: partner.contacts.map((contact) => ({
      name: contact.name,
      role: contact.role ?? '',
      email: contact.email ?? '',
      phone: contact.phone ?? '',
    })),
  };
}

/** The request body: empty optional fields left out, contacts with no name dropped. */
export function buildPartnerBody(draft: PartnerDraft) {
  const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());
  return {
    name: draft.name.trim(),
    kind: draft.kind,
    siret: optional(draft.siret) ?? null,
    contacts: draft.contacts
      .filter((contact) => contact.name.trim() !== '')
      .map((contact) => ({
        name: contact.name.trim(),
        role: optional(contact.role),
        email: optional(contact.email),
        phone: optional(contact.phone)?.replace(/[\s.]/g, ''),
      })),
  };
}

export function PartnerFormDialog({
  opened,
  partner,
  onClose,
  onSaved,
}: {
  opened: boolean;
  partner?: Partner | undefined;
  onClose: () => void;
  onSaved?: (partner: Partner) => void;
}) {
  const { t } = useTranslation();
  const saveMutation = useSavePartner();
  const [draft, setDraft] = useState<PartnerDraft>(draftOf(partner));
  const [errors, setErrors] = useState<Record<string, string>>({});

  useEffect(() => {
    if (!opened) return;
    setDraft(draftOf(partner));
    setErrors({});
    saveMutation.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, partner?.id]);

  const submit = () => {
    const body = buildPartnerBody(draft);
    const parsed = UpdatePartnerSchema.safeParse(body);
    if (!parsed.success) {
      const next: Record<string, string> = {};
      for (const issue of parsed.error.issues) next[issue.path.join('.')] ??= t('validation.invalid');
      if (body.name.length < 2) next.name = t('validation.tooShort', { min: 2 });
      setErrors(next);
      return;
    }
    setErrors({});
    saveMutation.mutate(
      {
        id: partner?.id,
        body: {
          ...body,
          fabriqueIds: partner?.fabriqueIds ?? [],
          ...(partner ? { version: partner.version } : {}),
        },
      },
      {
        onSuccess: (saved) => {
          onSaved?.(saved);
          onClose();
        },
        onError: (error) => {
          if (!isApiError(error)) return;
          setErrors(
            Object.fromEntries(
              Object.keys(error.bodyFieldErrors).map((key) => [key, t('validation.invalid')]),
            ),
          );
        },
      },
    );
  };
  const setContact = (index: number, patch: Partial<ContactDraft>) =>
    setDraft({
      ...draft,
      contacts: draft.contacts.map((contact, i) => (i === index ? { ...contact, ...patch } : contact)),
    });

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="lg"
      title={partner ? t('partners.form.editTitle') : t('partners.form.createTitle')}
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
            label={t('partners.form.name')}
            required
            maxLength={200}
            value={draft.name}
            error={errors.name}
            onChange={(event) => setDraft({ ...draft, name: event.currentTarget.value })}
          />
          <Group grow align="flex-start">
            <NativeSelect
              label={t('partners.form.kind')}
              required
              value={draft.kind}
              data={PARTNER_KINDS.map((kind) => ({ value: kind, label: t(`partners.kinds.${kind}`) }))}
              onChange={(event) => {
                const parsed = PartnerKindSchema.safeParse(event.currentTarget.value);
                if (parsed.success) setDraft({ ...draft, kind: parsed.data });
              }}
            />
            <TextInput
              label={t('partners.form.siret')}
              value={draft.siret}
              inputMode="numeric"
              maxLength={14}
              error={errors.siret}
              onChange={(event) => setDraft({ ...draft, siret: event.currentTarget.value })}
            />
          </Group>
          <Text fw={600} size="sm" mt="xs">
            {t('partners.form.contacts')}
          </Text>
          {draft.contacts.map((contact, index) => (
            <Group key={index} gap="xs" align="flex-start" wrap="nowrap">
              <TextInput
                label={t('partners.form.contactName')}
                value={contact.name}
                maxLength={120}
                onChange={(event) => setContact(index, { name: event.currentTarget.value })}
              />
              <TextInput
                label={t('partners.form.contactRole')}
                value={contact.role}
                maxLength={120}
                onChange={(event) => setContact(index, { role: event.currentTarget.value })}
              />
              <TextInput
                label={t('partners.form.contactEmail')}
                type="email"
                value={contact.email}
                error={errors[`contacts.${index}.email`]}
                onChange={(event) => setContact(index, { email: event.currentTarget.value })}
              />
              <TextInput
                label={t('partners.form.contactPhone')}
                value={contact.phone}
                error={errors[`contacts.${index}.phone`]}
                onChange={(event) => setContact(index, { phone: event.currentTarget.value })}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                mt={26}
                aria-label={t('partners.form.removeContact', { name: contact.name || String(index + 1) })}
                onClick={() => setDraft({ ...draft, contacts: draft.contacts.filter((_, i) => i !== index) })}
              >
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Group>
          ))}
          <div>
            <Button
              variant="subtle"
              size="xs"
              leftSection={<IconPlus size={14} aria-hidden />}
              onClick={() => setDraft({ ...draft, contacts: [...draft.contacts, EMPTY_CONTACT] })}
            >
              {t('partners.form.addContact')}
            </Button>
          </div>
          {saveMutation.isError && (
            <Alert color="red" variant="light" role="alert" icon={<IconAlertTriangle aria-hidden />}>
              {isApiError(saveMutation.error) && saveMutation.error.status === 409
                ? t('placements.stale')
                : describeError(saveMutation.error, t)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={saveMutation.isPending}>
              {t('partners.form.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
