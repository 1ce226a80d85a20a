/** `soxara.testHelpers`: sandbox-only calls that act as the customer, or make accounts and events. */
import type { Account, EventOf, EventType, Payment } from '@soxara/protocol/rest';
import type { ApiClient, RequestOptions } from '../client.ts';

class TestPayments {
  constructor(private readonly client: ApiClient) {}

  /** Completes the pending customer action (3DS, MoMo PIN, wallet) as the customer would. */
  approve(id: string, options?: RequestOptions): Promise<Payment> {
    return this.client.request({ method: 'POST', path: `/v1/test_helpers/payments/${encodeURIComponent(id)}/approve`, body: {}, options });
  }

  decline(id: string, options?: RequestOptions): Promise<Payment> {
    return this.client.request({ method: 'POST', path: `/v1/test_helpers/payments/${encodeURIComponent(id)}/decline`, body: {}, options });
  }
}

class TestEvents {
  constructor(private readonly client: ApiClient) {}

  /** Emits and delivers a realistic sample event of `type`. */
  create<T extends EventType>(type: T, options?: RequestOptions): Promise<EventOf<T>> {
    return this.client.request({ method: 'POST', path: '/v1/test_helpers/events', body: { type }, options });
  }
}

class TestAccounts {
  constructor(private readonly client: ApiClient) {}

  /** A further isolated account with its own key pair. */
  create(options?: RequestOptions): Promise<Account> {
    return this.client.request({ method: 'POST', path: '/v1/test_helpers/accounts', body: {}, options });
  }
}

export class TestHelpersResource {
  readonly payments: TestPayments;
  readonly events: TestEvents;
  readonly accounts: TestAccounts;

  constructor(client: ApiClient) {
    this.payments = new TestPayments(client);
    this.events = new TestEvents(client);
    this.accounts = new TestAccounts(client);
  }
}
