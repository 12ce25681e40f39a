import type { WebhookEventType } from '@passerelle/domain/webhook/webhook.schema';

// i18next reads '.' as a key separator: the locale keys spell event types with '_'.
const EVENT_LABEL_KEYS = {
  'candidacy.submitted': 'webhooks.events.candidacy_submitted',
  'candidacy.stage_changed': 'webhooks.events.candidacy_stage_changed',
  'session.status_changed': 'webhooks.events.session_status_changed',
  'placement.recorded': 'webhooks.events.placement_recorded',
  'placement.updated': 'webhooks.events.placement_updated',
} as const satisfies Record<WebhookEventType, string>;

export function eventLabelKey(type: WebhookEventType) {
  return EVENT_LABEL_KEYS[type];
}
