import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Group,
  NativeSelect,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ui/error-state';
import { AnchorLink } from '../../../components/ui/router-links';
import { describeError } from '../../../lib/problem-message';
import { getPartners } from '../api/get-partners';
import { partnerKeys } from '../api/partner-keys';
import {
  useAddSessionFunding,
  usePutSessionHost,
  useRemoveSessionFunding,
  useRemoveSessionHost,
  useSessionFundings,
  useSessionHosts,
} from '../api/session-partners';
import { formatEuros } from './partner-links-cards';

/** A session's funders (amount, scheme) and hosts; coordinators add and remove them. */
export function SessionPartnersPanel({ sessionId, canEdit }: { sessionId: string; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const fundingsQuery = useSessionFundings(sessionId);
  const hostsQuery = useSessionHosts(sessionId);
  const partnersQuery = useQuery({
    queryKey: [...partnerKeys.lists(), 'choices'] as const,
    queryFn: async ({ signal }) => (await getPartners({ filters: {}, signal })).data,
    enabled: canEdit,
  });
  const addFunding = useAddSessionFunding(sessionId);
  const removeFunding = useRemoveSessionFunding(sessionId);
  const putHost = usePutSessionHost(sessionId);
  const removeHost = useRemoveSessionHost(sessionId);
  const [funding, setFunding] = useState({ partnerId: '', amount: '' as number | '', scheme: '' });
  const [host, setHost] = useState({ partnerId: '', role: '' });
  const partnerOptions = [
    { value: '', label: t('sessionPartners.pickPartner') },
    ...(partnersQuery.data ?? []).map((partner) => ({ value: partner.id, label: partner.name })),
  ];
  const fundings = fundingsQuery.data ?? [];
  const hosts = hostsQuery.data ?? [];
  const error = addFunding.error ?? removeFunding.error ?? putHost.error ?? removeHost.error;
  const partnerLink = (partnerId: string, name: string) => (
    <AnchorLink to="/partenaires/$partnerId" params={{ partnerId }} size="sm">
      {name}
    </AnchorLink>
  );

  return (
    <Stack gap="lg" maw={900}>
      {error && (
        <Alert color="red" variant="light" role="alert" icon={<IconAlertTriangle aria-hidden />}>
          {describeError(error, t)}
        </Alert>
      )}
      <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="session-fundings">
        <Title order={2} fz="lg" id="session-fundings" mb="sm">
          {t('sessionPartners.fundings')}
        </Title>
        {fundingsQuery.isError ? (
          <ErrorState error={fundingsQuery.error} onRetry={() => void fundingsQuery.refetch()} />
        ) : fundings.length === 0 ? (
          <Text size="sm" c="dimmed">
            {fundingsQuery.isPending ? t('common.loading') : t('sessionPartners.noFundings')}
          </Text>
        ) : (
          <Table verticalSpacing={6} fz="sm">
            <Table.Tbody>
              {fundings.map((row) => (
                <Table.Tr key={row.id}>
                  <Table.Td>{partnerLink(row.partnerId, row.partnerName)}</Table.Td>
                  <Table.Td>{row.scheme}</Table.Td>
                  <Table.Td ta="right">{formatEuros(row.amountCents, i18n.language)}</Table.Td>
                  {canEdit && (
                    <Table.Td ta="right" w={48}>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('sessionPartners.removeFunding', { name: row.partnerName })}
                        onClick={() => {
                          if (window.confirm(t('sessionPartners.confirmRemove')))
                            removeFunding.mutate(row.id);
                        }}
                      >
                        <IconTrash size={16} aria-hidden />
                      </ActionIcon>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {fundings.length > 0 && (
          <Text size="sm" fw={600} ta="right" mt="xs">
            {t('sessionPartners.total', {
              amount: formatEuros(
                fundings.reduce((total, row) => total + row.amountCents, 0),
                i18n.language,
              ),
            })}
          </Text>
        )}
        {canEdit && (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              if (!funding.partnerId || funding.amount === '' || funding.scheme.trim().length < 2) return;
              addFunding.mutate(
                {
                  partnerId: funding.partnerId,
                  amountCents: Math.round(funding.amount * 100),
                  scheme: funding.scheme.trim(),
                  auditRetentionYears: 10,
                },
                { onSuccess: () => setFunding({ partnerId: '', amount: '', scheme: '' }) },
              );
            }}
          >
            <Group gap="xs" mt="md" align="flex-end">
              <NativeSelect
                label={t('sessionPartners.partner')}
                value={funding.partnerId}
                data={partnerOptions}
                onChange={(event) => setFunding({ ...funding, partnerId: event.currentTarget.value })}
                w={220}
              />
              <NumberInput
                label={t('sessionPartners.amount')}
                min={0}
                decimalScale={2}
                thousandSeparator=" "
                value={funding.amount}
                onChange={(value) =>
                  setFunding({ ...funding, amount: typeof value === 'number' ? value : '' })
                }
                w={140}
              />
              <TextInput
                label={t('sessionPartners.scheme')}
                placeholder={t('sessionPartners.schemePlaceholder')}
                value={funding.scheme}
                maxLength={200}
                onChange={(event) => setFunding({ ...funding, scheme: event.currentTarget.value })}
                style={{ flex: 1 }}
              />
              <Button type="submit" loading={addFunding.isPending}>
                {t('sessionPartners.addFunding')}
              </Button>
            </Group>
          </form>
        )}
      </Card>
      <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="session-hosts">
        <Title order={2} fz="lg" id="session-hosts" mb="sm">
          {t('sessionPartners.hosts')}
        </Title>
        {hostsQuery.isError ? (
          <ErrorState error={hostsQuery.error} onRetry={() => void hostsQuery.refetch()} />
        ) : hosts.length === 0 ? (
          <Text size="sm" c="dimmed">
            {hostsQuery.isPending ? t('common.loading') : t('sessionPartners.noHosts')}
          </Text>
        ) : (
          <Stack gap={4}>
            {hosts.map((row) => (
              <Group key={row.partnerId} justify="space-between">
                <Text size="sm">
                  {partnerLink(row.partnerId, row.partnerName)}
                  {row.role ? ` · ${row.role}` : ''}
                </Text>
                {canEdit && (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('sessionPartners.removeHost', { name: row.partnerName })}
                    onClick={() => removeHost.mutate(row.partnerId)}
                  >
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                )}
              </Group>
            ))}
          </Stack>
        )}
        {canEdit && (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              if (!host.partnerId) return;
              putHost.mutate(
                { partnerId: host.partnerId, body: { role: host.role.trim() || null } },
                { onSuccess: () => setHost({ partnerId: '', role: '' }) },
              );
            }}
          >
            <Group gap="xs" mt="md" align="flex-end">
              <NativeSelect
                label={t('sessionPartners.partner')}
                value={host.partnerId}
                data={partnerOptions}
                onChange={(event) => setHost({ ...host, partnerId: event.currentTarget.value })}
                w={220}
              />
              <TextInput
                label={t('sessionPartners.role')}
                value={host.role}
                maxLength={200}
                onChange={(event) => setHost({ ...host, role: event.currentTarget.value })}
                style={{ flex: 1 }}
              />
              <Button type="submit" variant="default" loading={putHost.isPending}>
                {t('sessionPartners.addHost')}
              </Button>
            </Group>
          </form>
        )}
      </Card>
    </Stack>
  );
}
