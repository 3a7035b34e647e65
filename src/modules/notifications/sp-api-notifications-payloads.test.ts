import { describe, expect, it } from 'vitest';
import {
  buildSpApiNotification,
  isSupportedNotificationType,
  spApiNotificationTypeFor,
} from './sp-api-notifications-payloads.ts';

const meta = {
  applicationId: 'app_01',
  subscriptionId: 'sub_01',
  publishTime: new Date('2026-11-20T01:00:05Z'),
  notificationId: 'dlv_01',
};
const eventTime = new Date('2026-11-20T01:00:00Z');

const order = {
  amazonOrderId: '503-1234567-1234567',
  orderStatus: 'Unshipped',
  purchaseDate: '2026-11-20T00:59:00.000Z',
  marketplaceId: 'A1VC38T7YXB528',
  postalCode: '150-0001',
  fulfillmentChannel: 'MFN',
  latestShipDate: '2026-11-22T14:59:59.000Z',
  items: [
    { orderItemId: '12345678901234', sellerSku: 'SKU-1', quantity: 2, quantityShipped: 0 },
    { orderItemId: '12345678901235', sku: 'SKU-2', quantityOrdered: 1 },
  ],
};

describe('SP-API notification payloads (reference/sp-api.md §3.4)', () => {
  it('maps Mercato events to SP-API notification types', () => {
    expect(spApiNotificationTypeFor('order.new')).toBe('ORDER_CHANGE');
    expect(spApiNotificationTypeFor('order.canceled')).toBe('ORDER_CHANGE');
    expect(spApiNotificationTypeFor('order.shipment_confirmed')).toBe('ORDER_CHANGE');
    expect(spApiNotificationTypeFor('report.ready')).toBe('REPORT_PROCESSING_FINISHED');
    expect(spApiNotificationTypeFor('feed.processing_finished')).toBe('FEED_PROCESSING_FINISHED');
    expect(spApiNotificationTypeFor('account.status_changed')).toBe('ACCOUNT_STATUS_CHANGED');
    expect(spApiNotificationTypeFor('listing.created')).toBeNull();
    expect(isSupportedNotificationType('ORDER_CHANGE')).toBe(true);
    expect(isSupportedNotificationType('ANY_OFFER_CHANGED')).toBe(false);
  });

  it('ORDER_CHANGE: PascalCase envelope and OrderChangeNotification as in Amazon schema', () => {
    const n = buildSpApiNotification({
      eventType: 'order.new',
      sellerId: 'sel_1',
      data: { order },
      eventTime,
      meta,
    });
    expect(n).toEqual({
      NotificationVersion: '1.0',
      NotificationType: 'ORDER_CHANGE',
      PayloadVersion: '1.0',
      EventTime: '2026-11-20T01:00:00.000Z',
      Payload: {
        OrderChangeNotification: {
          NotificationLevel: 'OrderLevel',
          SellerId: 'sel_1',
          AmazonOrderId: '503-1234567-1234567',
          OrderChangeType: 'OrderStatusChange',
          OrderChangeTrigger: {
            TimeOfOrderChange: '2026-11-20T01:00:00.000Z',
            ChangeReason: 'Order Status Change',
          },
          Summary: {
            MarketplaceId: 'A1VC38T7YXB528',
            OrderStatus: 'Unshipped',
            PurchaseDate: '2026-11-20T00:59:00.000Z',
            DestinationPostalCode: '150-0001',
            FulfillmentType: 'MFN',
            OrderType: 'StandardOrder',
            NumberOfItemsShipped: 0,
            NumberOfItemsUnshipped: 3,
            LatestShipDate: '2026-11-22T14:59:59.000Z',
            OrderItems: [
              {
                OrderItemId: '12345678901234',
                SellerSKU: 'SKU-1',
                SupplySourceId: null,
                OrderItemStatus: 'Unshipped',
                Quantity: 2,
                QuantityShipped: 0,
              },
              {
                OrderItemId: '12345678901235',
                SellerSKU: 'SKU-2',
                SupplySourceId: null,
                OrderItemStatus: 'Unshipped',
                Quantity: 1,
                QuantityShipped: 0,
              },
            ],
          },
        },
      },
      NotificationMetadata: {
        ApplicationId: 'app_01',
        SubscriptionId: 'sub_01',
        PublishTime: '2026-11-20T01:00:05.000Z',
        NotificationId: 'dlv_01',
      },
    });
  });

  it('ORDER_CHANGE for a buyer cancel request is a BuyerRequestedChange', () => {
    const n = buildSpApiNotification({
      eventType: 'order.cancel_requested',
      sellerId: 'sel_1',
      data: order,
      eventTime,
      meta,
    }) as { Payload: { OrderChangeNotification: Record<string, unknown> } };
    const o = n.Payload.OrderChangeNotification;
    expect(o.OrderChangeType).toBe('BuyerRequestedChange');
    expect(o.OrderChangeTrigger).toEqual({
      TimeOfOrderChange: '2026-11-20T01:00:00.000Z',
      ChangeReason: 'Buyer Requested Cancel',
    });
    expect(
      (o.Summary as { OrderItems: { IsBuyerRequestedCancel: boolean }[] }).OrderItems[0]
        ?.IsBuyerRequestedCancel,
    ).toBe(true);
  });

  it('FEED_PROCESSING_FINISHED: camelCase envelope with accountId', () => {
    expect(
      buildSpApiNotification({
        eventType: 'feed.processing_finished',
        sellerId: 'sel_1',
        data: {
          feedId: '123',
          feedType: 'POST_ORDER_FULFILLMENT_DATA',
          processingStatus: 'DONE',
          resultFeedDocumentId: 'doc1',
        },
        eventTime,
        meta,
      }),
    ).toEqual({
      notificationVersion: '2020-09-04',
      notificationType: 'FEED_PROCESSING_FINISHED',
      payloadVersion: '2020-09-04',
      eventTime: '2026-11-20T01:00:00.000Z',
      payload: {
        feedProcessingFinishedNotification: {
          sellerId: 'sel_1',
          accountId: 'amzn1.merchant.o.sel_1',
          feedId: '123',
          feedType: 'POST_ORDER_FULFILLMENT_DATA',
          processingStatus: 'DONE',
          resultFeedDocumentId: 'doc1',
        },
      },
      notificationMetadata: {
        applicationId: 'app_01',
        subscriptionId: 'sub_01',
        publishTime: '2026-11-20T01:00:05.000Z',
        notificationId: 'dlv_01',
      },
    });
  });

  it('REPORT_PROCESSING_FINISHED: camelCase, reportDocumentId only when there is one', () => {
    const n = buildSpApiNotification({
      eventType: 'report.ready',
      sellerId: 'sel_1',
      data: { reportId: '9', reportType: 'GET_FLAT_FILE_OPEN_LISTINGS_DATA', processingStatus: 'FATAL' },
      eventTime,
      meta,
    });
    expect(n).toMatchObject({
      notificationVersion: '2020-09-04',
      notificationType: 'REPORT_PROCESSING_FINISHED',
      payloadVersion: '2020-09-04',
      payload: {
        reportProcessingFinishedNotification: {
          sellerId: 'sel_1',
          accountId: 'amzn1.merchant.o.sel_1',
          reportId: '9',
          reportType: 'GET_FLAT_FILE_OPEN_LISTINGS_DATA',
          processingStatus: 'FATAL',
        },
      },
    });
    expect(
      (n as { payload: { reportProcessingFinishedNotification: object } }).payload
        .reportProcessingFinishedNotification,
    ).not.toHaveProperty('reportDocumentId');
  });

  it('ACCOUNT_STATUS_CHANGED: camelCase, no seller or marketplace id in the payload', () => {
    expect(
      buildSpApiNotification({
        eventType: 'account.status_changed',
        sellerId: 'sel_1',
        data: { previousAccountStatus: 'NORMAL', currentAccountStatus: 'AT_RISK' },
        eventTime,
        meta,
      }),
    ).toEqual({
      notificationVersion: '1.0',
      notificationType: 'ACCOUNT_STATUS_CHANGED',
      payloadVersion: '2021-01-01',
      eventTime: '2026-11-20T01:00:00.000Z',
      payload: {
        accountStatusChangeNotification: { previousAccountStatus: 'NORMAL', currentAccountStatus: 'AT_RISK' },
      },
      notificationMetadata: {
        applicationId: 'app_01',
        subscriptionId: 'sub_01',
        publishTime: '2026-11-20T01:00:05.000Z',
        notificationId: 'dlv_01',
      },
    });
  });

  it('builds nothing when the data lacks what the type requires, or the event has no SP-API form', () => {
    const base = { sellerId: 's', eventTime, meta };
    expect(
      buildSpApiNotification({ ...base, eventType: 'order.new', data: { order: { amazonOrderId: 'x' } } }),
    ).toBeNull();
    expect(buildSpApiNotification({ ...base, eventType: 'report.ready', data: {} })).toBeNull();
    expect(
      buildSpApiNotification({
        ...base,
        eventType: 'account.status_changed',
        data: { previousAccountStatus: 'OK' },
      }),
    ).toBeNull();
    expect(buildSpApiNotification({ ...base, eventType: 'listing.created', data: {} })).toBeNull();
  });
});
