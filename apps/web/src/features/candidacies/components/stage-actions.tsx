import { Button, Group, Menu } from '@mantine/core';
import { CANDIDACY_MOVES } from '@passerelle/domain/candidacy/candidacy';
import type { CandidacyStage } from '@passerelle/domain/candidacy/candidacy.schema';
import { IconChevronDown, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type MovableCandidacy, MoveCandidacyDialog } from './move-candidacy-dialog';

interface StageActionsProps {
  candidacy: MovableCandidacy;
  onReload: () => void;
  onMoved?: ((stage: CandidacyStage) => void) | undefined;
}

/** The moves the stage machine allows from here; each asks for confirmation (and a reason when needed). */
export function StageActions({ candidacy, onReload, onMoved }: StageActionsProps) {
  const { t } = useTranslation();
  const [target, setTarget] = useState<CandidacyStage | null>(null);
  const allowed = CANDIDACY_MOVES[candidacy.stage];
  const forward = allowed.filter((stage) => stage !== 'rejected' && stage !== 'withdrawn');
  const [next, ...others] = forward;

  if (allowed.length === 0) return null;

  return (
    <>
      <Group gap="xs">
        {next && (
          <Button onClick={() => setTarget(next)}>
            {t('candidacies.move.confirmTo', { stage: t(`candidacies.stages.${next}`) })}
          </Button>
        )}
        {(others.length > 0 || allowed.includes('withdrawn')) && (
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <Button variant="default" rightSection={<IconChevronDown size={16} aria-hidden />}>
                {t('candidacies.move.otherStage')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              {others.map((stage) => (
                <Menu.Item key={stage} onClick={() => setTarget(stage)}>
                  {t(`candidacies.stages.${stage}`)}
                </Menu.Item>
              ))}
              {allowed.includes('withdrawn') && (
                <Menu.Item onClick={() => setTarget('withdrawn')}>
                  {t('candidacies.stages.withdrawn')}
                </Menu.Item>
              )}
            </Menu.Dropdown>
          </Menu>
        )}
        {allowed.includes('rejected') && (
          <Button
            color="red"
            variant="light"
            leftSection={<IconX size={16} aria-hidden />}
            onClick={() => setTarget('rejected')}
          >
            {t('candidacies.move.reject')}
          </Button>
        )}
      </Group>
      <MoveCandidacyDialog
        candidacy={target ? candidacy : null}
        to={target}
        onClose={() => setTarget(null)}
        onReload={onReload}
        onMoved={onMoved}
      />
    </>
  );
}
