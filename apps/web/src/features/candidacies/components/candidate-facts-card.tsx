import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  NativeSelect,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import type { CandidacyDetail } from '@passerelle/domain/candidacy/candidacy-pipeline.schema';
import { VERIFIABLE_FACTS } from '@passerelle/domain/candidacy/candidacy-pipeline.schema';
import {
  type CandidateFacts,
  PROOF_TYPES,
  ProofTypeSchema,
} from '@passerelle/domain/candidate/candidate.schema';
import { IconAlertTriangle, IconShieldCheck } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/ui/date-field';
import { notifySuccess } from '../../../components/ui/notify';
import { describeError } from '../../../lib/problem-message';
import { useVerifyCandidacyFact, type VerifiableFact } from '../api/verify-candidacy-fact';
import { capitalizeFirst, useDomainMessage } from './candidacy-display';

type FactEntry = NonNullable<CandidateFacts[VerifiableFact]>;

const ORIGIN_COLORS = { declared: 'gray', verified: 'green', computed: 'blue' } as const;

// The proof a coordinator usually sees for each fact, offered first.
const DEFAULT_PROOF: Record<VerifiableFact, (typeof PROOF_TYPES)[number]> = {
  birthDate: 'identity_document',
  gender: 'identity_document',
  diploma: 'diploma',
  employmentSituation: 'france_travail_certificate',
  jobSeeker: 'france_travail_certificate',
  rsaBeneficiary: 'caf_certificate',
  qpv: 'proof_of_address',
  rural: 'proof_of_address',
  guardianConsent: 'other',
};

function yesNo(value: boolean, t: TFunction) {
  return value ? t('candidacies.facts.yes') : t('candidacies.facts.no');
}

function formatFactValue(
  key: VerifiableFact,
  fact: FactEntry,
  t: TFunction,
  domainMessage: ReturnType<typeof useDomainMessage>,
  formatDate: (date: string) => string,
): string {
  const value = fact.value as unknown;
  switch (key) {
    case 'birthDate':
      return typeof value === 'string' ? formatDate(value) : '—';
    case 'gender':
      return t(`candidacies.facts.genders.${value as 'female' | 'male' | 'non_binary' | 'undisclosed'}`);
    case 'diploma': {
      const diploma = value as { highestLevel: string };
      return domainMessage(`diploma_level.${diploma.highestLevel}`);
    }
    case 'employmentSituation':
      return t(
        `candidacies.facts.situations.${value as 'job_seeker' | 'employed' | 'student' | 'inactive' | 'other'}`,
      );
    case 'jobSeeker': {
      const registration = value as { registered: boolean; category?: string; since?: string };
      if (!registration.registered) return t('candidacies.facts.notRegistered');
      const parts = [t('candidacies.facts.registered')];
      if (registration.category)
        parts.push(t('candidacies.facts.category', { category: registration.category }));
      if (registration.since)
        parts.push(t('candidacies.facts.since', { date: formatDate(registration.since) }));
      return parts.join(', ');
    }
    case 'qpv': {
      const qpv = value as { isResident: boolean; qpvCode?: string };
      return qpv.isResident
        ? t('candidacies.facts.qpvIn', { code: qpv.qpvCode ?? '—' })
        : t('candidacies.facts.qpvOut');
    }
    case 'rural': {
      const rural = value as { frr?: string; densityLevel?: number };
      if (rural.frr)
        return t(
          `candidacies.facts.frr.${rural.frr as 'classified' | 'not_classified' | 'partially_classified'}`,
        );
      if (rural.densityLevel) return t('candidacies.facts.density', { level: rural.densityLevel });
      return '—';
    }
    case 'rsaBeneficiary':
    case 'guardianConsent':
      return yesNo(Boolean(value), t);
  }
}

interface CandidateFactsCardProps {
  candidacy: CandidacyDetail;
  /** Coordinators and admins mark facts verified; a trainer only reads them. */
  canVerify: boolean;
}

export function CandidateFactsCard({ candidacy, canVerify }: CandidateFactsCardProps) {
  const { t, i18n } = useTranslation();
  const domainMessage = useDomainMessage();
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' });
  const formatDate = (date: string) => dateFormat.format(new Date(`${date}T00:00:00Z`));
  const [verifying, setVerifying] = useState<VerifiableFact | null>(null);
  const facts = candidacy.candidate.facts;

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="facts-title">
      <Title order={2} fz="lg" id="facts-title" mb="sm">
        {t('candidacies.facts.title')}
      </Title>
      <Table.ScrollContainer minWidth={520}>
        <Table verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" w="28%">
                {t('candidacies.facts.fact')}
              </Table.Th>
              <Table.Th scope="col">{t('candidacies.facts.value')}</Table.Th>
              <Table.Th scope="col">{t('candidacies.facts.origin')}</Table.Th>
              <Table.Th scope="col" w={110}>
                <VisuallyHidden>{t('candidacies.facts.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {VERIFIABLE_FACTS.map((key) => {
              const fact = facts[key] as FactEntry | undefined;
              const label = domainMessage(`fact.${key}`);
              const title = capitalizeFirst(label);
              return (
                <Table.Tr key={key}>
                  <Table.Th scope="row" fw={500}>
                    <Text size="sm">{title}</Text>
                  </Table.Th>
                  <Table.Td>
                    <Text size="sm">
                      {fact
                        ? formatFactValue(key, fact, t, domainMessage, formatDate)
                        : t('candidacies.facts.unknown')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {fact && (
                      <Stack gap={2}>
                        <Badge
                          variant="dot"
                          color={ORIGIN_COLORS[fact.origin]}
                          radius="sm"
                          tt="none"
                          fw={600}
                          w="fit-content"
                        >
                          {t(`candidacies.facts.origins.${fact.origin}`)}
                        </Badge>
                        {fact.origin === 'verified' && fact.proof && (
                          <Text size="xs" c="dimmed">
                            {t('candidacies.facts.proofSeen', {
                              proof: t(`candidacies.facts.proofTypes.${fact.proof.type}`),
                              date: formatDate(fact.proof.documentDate),
                            })}
                          </Text>
                        )}
                        {fact.origin === 'computed' && fact.computation && (
                          <Text size="xs" c="dimmed">
                            {t('candidacies.facts.computedFrom', {
                              source: fact.computation.source,
                              vintage: fact.computation.vintage,
                            })}
                          </Text>
                        )}
                      </Stack>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {canVerify && fact && fact.origin !== 'verified' && (
                      <Button
                        size="compact-sm"
                        variant="light"
                        leftSection={<IconShieldCheck size={14} aria-hidden />}
                        aria-label={t('candidacies.facts.verifyLabel', { fact: label })}
                        onClick={() => setVerifying(key)}
                      >
                        {t('candidacies.facts.verify')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <VerifyFactDialog candidacyId={candidacy.id} fact={verifying} onClose={() => setVerifying(null)} />
    </Card>
  );
}

function todayIso() {
  return new Intl.DateTimeFormat('sv-SE').format(new Date());
}

function VerifyFactDialog({
  candidacyId,
  fact,
  onClose,
}: {
  candidacyId: string;
  fact: VerifiableFact | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const domainMessage = useDomainMessage();
  const verifyMutation = useVerifyCandidacyFact();
  const [proofType, setProofType] = useState('');
  const [documentDate, setDocumentDate] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ proofType?: string; documentDate?: string }>({});
  const [openedFact, setOpenedFact] = useState<VerifiableFact | null>(null);

  // Each opening starts from the usual proof for that fact.
  if (fact !== openedFact) {
    setOpenedFact(fact);
    if (fact) {
      setProofType(DEFAULT_PROOF[fact]);
      setDocumentDate('');
      setNote('');
      setErrors({});
      verifyMutation.reset();
    }
  }

  const submit = () => {
    if (!fact) return;
    const parsedProof = ProofTypeSchema.safeParse(proofType);
    const nextErrors: typeof errors = {};
    if (!parsedProof.success) nextErrors.proofType = t('validation.required');
    if (!documentDate) nextErrors.documentDate = t('validation.required');
    else if (documentDate > todayIso()) nextErrors.documentDate = t('candidacies.facts.dateInFuture');
    setErrors(nextErrors);
    if (!parsedProof.success || Object.keys(nextErrors).length > 0) return;
    verifyMutation.mutate(
      {
        id: candidacyId,
        fact,
        body: { proofType: parsedProof.data, documentDate, note: note.trim() || undefined },
      },
      {
        onSuccess: () => {
          notifySuccess(t('candidacies.facts.verified', { fact: domainMessage(`fact.${fact}`) }));
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      opened={fact !== null}
      onClose={onClose}
      title={fact ? t('candidacies.facts.verifyTitle', { fact: domainMessage(`fact.${fact}`) }) : ''}
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
          <Text size="sm" c="dimmed">
            {t('candidacies.facts.verifyHelp')}
          </Text>
          <NativeSelect
            label={t('candidacies.facts.proofType')}
            required
            value={proofType}
            error={errors.proofType}
            data={PROOF_TYPES.map((type) => ({
              value: type,
              label: t(`candidacies.facts.proofTypes.${type}`),
            }))}
            onChange={(event) => setProofType(event.currentTarget.value)}
          />
          <DateField
            label={t('candidacies.facts.documentDate')}
            description={t('candidacies.facts.documentDateHelp')}
            required
            value={documentDate}
            error={errors.documentDate}
            onChange={setDocumentDate}
          />
          <Textarea
            label={t('candidacies.facts.note')}
            maxLength={500}
            autosize
            minRows={2}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
          />
          {verifyMutation.isError && (
            <Alert color="red" variant="light" role="alert" icon={<IconAlertTriangle aria-hidden />}>
              {describeError(verifyMutation.error, t)}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={verifyMutation.isPending}>
              {t('candidacies.facts.markVerified')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
