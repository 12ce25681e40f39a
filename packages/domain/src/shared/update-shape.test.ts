import { describe, expect, it } from 'vitest';
import { UpdateOfferSchema } from '../offer/offer.schema.ts';
import { UpdatePartnerSchema } from '../partner/partner.schema.ts';
import { UpdatePlacementSchema } from '../placement/placement.schema.ts';
import { UpdateSessionSchema } from '../session/session.schema.ts';

describe('partial updates', () => {
  it('leave out what the body does not mention, instead of resetting it to a default', () => {
    expect(UpdatePartnerSchema.parse({ name: 'Octo' })).toEqual({ name: 'Octo' });
    expect(UpdateOfferSchema.parse({ isOpen: false })).toEqual({ isOpen: false });
    expect(UpdatePlacementSchema.parse({ jobTitle: 'CTO' })).toEqual({ jobTitle: 'CTO' });
    expect(UpdateSessionSchema.parse({ name: 'Promo 2027' })).toEqual({ name: 'Promo 2027' });
  });
});
