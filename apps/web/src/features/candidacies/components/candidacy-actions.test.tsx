import type { CandidacyDetail } from '@passerelle/domain/candidacy/candidacy-pipeline.schema';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildCandidacyDetail } from '../../../testing/factories';
import { jsonResponse, problemResponse, renderWithProviders } from '../../../testing/render';
import { useCandidacy } from '../api/get-candidacy';
import { EligibilityCard } from './eligibility-card';
import { StageActions } from './stage-actions';

const fetchMock = vi.fn<typeof fetch>();
let stored: CandidacyDetail;
/** Answers the next write with this (a refusal, or the updated candidacy). */
const writes: Response[] = [];

beforeEach(() => {
  stored = buildCandidacyDetail({ version: 3 });
  writes.length = 0;
  fetchMock.mockReset();
  fetchMock.mockImplementation(async (_url, init) => {
    if (!init?.method || init.method === 'GET') return jsonResponse(stored);
    return writes.shift() ?? problemResponse(500);
  });
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

/** The candidacy detail's actions, wired the way the screen wires them. */
function CandidacyActions({ canManage }: { canManage: boolean }) {
  const query = useCandidacy(stored.id);
  const candidacy = query.data;
  if (!candidacy) return null;
  const name = `${candidacy.candidate.firstName} ${candidacy.candidate.lastName}`;
  return (
    <>
      {canManage && (
        <StageActions
          candidacy={{ id: candidacy.id, stage: candidacy.stage, version: candidacy.version, name }}
          onReload={() => void query.refetch()}
        />
      )}
      <EligibilityCard candidacy={candidacy} canDecide={canManage} onReload={() => void query.refetch()} />
    </>
  );
}

function writeCalls() {
  return fetchMock.mock.calls.filter(([, init]) => init?.method && init.method !== 'GET');
}

describe('Candidacy detail actions', { timeout: 30_000 }, () => {
  it('on a stale version reloads the candidacy and keeps the comment typed, then moves it', async () => {
    writes.push(problemResponse(409, { code: 'stale_version' }));
    const actor = userEvent.setup({ delay: null });
    renderWithProviders(<CandidacyActions canManage />);

    await actor.click(await screen.findByRole('button', { name: 'Passer en « Liste d’attente »' }));
    const dialog = await screen.findByRole('dialog');
    await actor.type(within(dialog).getByLabelText(/Commentaire/), 'Places limitées cette année');
    await actor.click(within(dialog).getByRole('button', { name: 'Passer en « Liste d’attente »' }));

    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('Quelqu’un d’autre a modifié cette candidature');
    expect(JSON.parse(String(writeCalls()[0]?.[1]?.body))).toMatchObject({ to: 'waitlisted', version: 3 });

    // Someone else saved a note meanwhile: the reload brings version 4.
    stored = { ...stored, version: 4 };
    writes.push(jsonResponse({ ...stored, stage: 'waitlisted', version: 5 }));
    await actor.click(within(alert).getByRole('button', { name: 'Recharger la candidature' }));
    await vi.waitFor(() => expect(within(dialog).queryByRole('alert')).toBeNull());
    expect(within(dialog).getByLabelText(/Commentaire/)).toHaveValue('Places limitées cette année');

    await actor.click(within(dialog).getByRole('button', { name: 'Passer en « Liste d’attente »' }));
    await vi.waitFor(() => expect(writeCalls()).toHaveLength(2));
    expect(JSON.parse(String(writeCalls()[1]?.[1]?.body))).toEqual({
      to: 'waitlisted',
      version: 4,
      comment: 'Places limitées cette année',
    });
  });

  it('records a derogation with its mandatory reason, shows it apart from the computed status, and withdraws it', async () => {
    const actor = userEvent.setup({ delay: null });
    renderWithProviders(<CandidacyActions canManage />);

    await actor.click(await screen.findByRole('button', { name: 'Décider par dérogation' }));
    const dialog = await screen.findByRole('dialog', { name: 'Décision d’éligibilité par dérogation' });
    // The computed status is "incomplete": the decision starts at "eligible".
    expect(within(dialog).getByLabelText('Éligible par dérogation')).toBeChecked();
    await actor.click(within(dialog).getByRole('button', { name: 'Enregistrer la décision' }));
    expect(within(dialog).getByText(/Indiquez la raison de la dérogation/)).toBeInTheDocument();
    expect(writeCalls()).toHaveLength(0);

    const decided = {
      ...stored,
      version: 4,
      eligibilityDecision: {
        status: 'eligible' as const,
        reason: 'Orientée par la Mission locale, justificatif QPV attendu',
        decidedBy: '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b7a',
        decidedAt: '2026-11-24T10:00:00.000Z',
      },
    };
    writes.push(jsonResponse(decided));
    await actor.type(
      within(dialog).getByLabelText(/Raison de la dérogation/),
      'Orientée par la Mission locale, justificatif QPV attendu',
    );
    await actor.click(within(dialog).getByRole('button', { name: 'Enregistrer la décision' }));

    await screen.findByText('Décision de la coordination : Éligible par dérogation');
    const [url, init] = writeCalls()[0] ?? [];
    expect(url).toBe(`/api/v1/candidacies/${stored.id}/eligibility-decision`);
    expect(init?.method).toBe('PUT');
    expect(JSON.parse(String(init?.body))).toEqual({
      status: 'eligible',
      reason: 'Orientée par la Mission locale, justificatif QPV attendu',
      version: 3,
    });
    // The computed status stays visible apart from the decision.
    expect(
      screen.getByText('Pas encore évaluée : il manque les informations nécessaires.'),
    ).toBeInTheDocument();

    writes.push(jsonResponse({ ...stored, version: 5, eligibilityDecision: null }));
    await actor.click(screen.getByRole('button', { name: 'Retirer la décision' }));
    const confirm = await screen.findByRole('dialog', { name: 'Retirer la décision par dérogation ?' });
    await actor.click(within(confirm).getByRole('button', { name: 'Retirer la décision' }));
    await vi.waitFor(() => expect(screen.queryByText(/Décision de la coordination/)).toBeNull());
    const [, removeInit] = writeCalls()[1] ?? [];
    expect(removeInit?.method).toBe('DELETE');
    expect(new Headers(removeInit?.headers).get('if-match')).toBe('"v4"');
  });

  it('offers a trainer neither stage moves nor a derogation', async () => {
    renderWithProviders(<CandidacyActions canManage={false} />);
    await screen.findByText('Éligibilité');
    expect(screen.queryByRole('button', { name: /Passer en/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Refuser' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Décider par dérogation' })).toBeNull();
  });
});
