import { describe, expect, it } from 'vitest';
import { paths, routeOf } from '../../src/staff/router';

describe('the console routes', () => {
  it('reads each page, and its key, from the path', () => {
    expect(routeOf('/staff')).toEqual({ page: 'queue' });
    expect(routeOf('/staff/')).toEqual({ page: 'queue' });
    expect(routeOf('/staff/returns')).toEqual({ page: 'queue' });
    expect(routeOf('/staff/returns/R-7K3QX9M2')).toEqual({ page: 'return', rma: 'R-7K3QX9M2' });
    expect(routeOf('/staff/customers/mia_garcia_4516')).toEqual({
      page: 'customer',
      customerId: 'mia_garcia_4516',
    });
    expect(routeOf('/staff/analytics')).toEqual({ page: 'analytics' });
    expect(routeOf('/staff/team')).toEqual({ page: 'team' });
    expect(routeOf('/staff/inbox')).toEqual({ page: 'inbox' });
    expect(routeOf('/staff/inbox/12')).toEqual({ page: 'handoff', handoffId: 12 });
  });

  it('says "not found" for any other path', () => {
    expect(routeOf('/staff/returns/R-1/extra')).toEqual({ page: 'not-found' });
    expect(routeOf('/staff/nowhere')).toEqual({ page: 'not-found' });
    expect(routeOf('/staff/inbox/twelve')).toEqual({ page: 'not-found' });
  });

  it('builds paths that read back as the same page', () => {
    const odd = 'name with/slash & ümlaut';
    expect(routeOf(paths.customer(odd))).toEqual({ page: 'customer', customerId: odd });
    expect(paths.queue(new URLSearchParams({ status: 'needs_review' }))).toBe(
      '/staff/returns?status=needs_review',
    );
    expect(paths.queue(new URLSearchParams())).toBe('/staff/returns');
    expect(routeOf(paths.handoff(7))).toEqual({ page: 'handoff', handoffId: 7 });
    expect(paths.inbox('closed')).toBe('/staff/inbox?view=closed');
    expect(paths.inbox()).toBe('/staff/inbox');
  });
});
