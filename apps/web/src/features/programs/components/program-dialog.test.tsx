import type { Program } from '@passerelle/domain/program/program.schema';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, problemResponse, renderWithProviders } from '../../../testing/render';
import { buildProgramPatch, ProgramDialog } from './program-dialog';

const fetchMock = vi.fn<typeof fetch>();
const POLICY = { value: '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b90', label: 'Publics prioritaires (GEN)' };

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

function buildProgram(overrides: Partial<Program> = {}): Program {
  return {
    id: '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b91',
    fabriqueId: null,
    title: 'Développeur·se web et web mobile',
    kind: 'qualifying_free',
    rncpCode: null,
    rncpLevel: null,
    durationHours: 1200,
    defaultEligibilityPolicyId: POLICY.value,
    outcomeMapping: null,
    version: 2,
    createdAt: '2026-11-20T10:00:00.000Z',
    updatedAt: '2026-11-20T10:00:00.000Z',
    ...overrides,
  };
}

function renderDialog(program: Program | null) {
  renderWithProviders(
    <ProgramDialog
      opened
      program={program}
      onClose={vi.fn()}
      policyOptions={[POLICY]}
      fabriqueOptions={[]}
    />,
  );
  return { dialog: screen.getByRole('dialog'), actor: userEvent.setup({ delay: null }) };
}

describe('ProgramDialog', { timeout: 30_000 }, () => {
  it('sends only what changed; a certifying program travels with its RNCP code and level', () => {
    const program = buildProgram();
    expect(
      buildProgramPatch(program, {
        title: program.title,
        kind: 'certifying_paid',
        rncpCode: 'rncp37674',
        rncpLevel: 5,
        durationHours: 1200,
        defaultEligibilityPolicyId: POLICY.value,
        fabriqueId: '',
      }),
    ).toEqual({ version: 2, kind: 'certifying_paid', rncpCode: 'RNCP37674', rncpLevel: 5 });
  });

  it('refuses a certifying program without its RNCP code, in French, before sending', async () => {
    const { dialog, actor } = renderDialog(buildProgram());
    await actor.selectOptions(within(dialog).getByLabelText(/Type de formation/), 'certifying_paid');
    await actor.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    expect(
      await within(dialog).findByText('une formation certifiante a un code RNCP et un niveau'),
    ).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('on a stale version keeps what was typed, then reloads the latest version on request', async () => {
    const latest = buildProgram({ version: 3, title: 'Développeur·se web' });
    fetchMock
      .mockResolvedValueOnce(problemResponse(409, { code: 'stale_version' }))
      .mockResolvedValueOnce(jsonResponse(latest));
    const { dialog, actor } = renderDialog(buildProgram());
    const title = within(dialog).getByLabelText(/Intitulé/);
    await actor.clear(title);
    await actor.type(title, 'Concepteur·rice développeur·se');
    await actor.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));

    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('modifié par quelqu’un d’autre');
    expect(title).toHaveValue('Concepteur·rice développeur·se');
    expect(JSON.parse(String(fetchMock.mock.calls[0]?.[1]?.body))).toEqual({
      version: 2,
      title: 'Concepteur·rice développeur·se',
    });

    await actor.click(within(alert).getByRole('button', { name: 'Recharger la dernière version' }));
    await vi.waitFor(() => expect(title).toHaveValue('Développeur·se web'));
    expect(within(dialog).queryByRole('alert')).toBeNull();
  });
});
