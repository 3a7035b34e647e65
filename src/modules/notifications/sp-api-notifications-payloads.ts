// SP-API Notifications v1 payloads (reference/sp-api.md §3.3–3.4; Amazon's schemas in
// selling-partner-api-models `schemas/notifications/`), built from Mercato's domain events so an
// existing SQS/EventBridge consumer can parse what our webhook destinations deliver unchanged.
// Key casing is Amazon's and differs per type: ORDER_CHANGE is PascalCase, FEED/REPORT and
// ACCOUNT_STATUS_CHANGED are camelCase. Pure: the event's data and the metadata come in.

/** Which SP-API notification type a Mercato event becomes, and the payload version we publish. */
const BY_EVENT: Readonly<Record<string, { notificationType: SpApiNotificationType; reason?: string }>> = {
  // ORDER_CHANGE is sent when an order's status changes (Unshipped, Shipped, Canceled).
  'order.new': { notificationType: 'ORDER_CHANGE' },
  'order.new_afn': { notificationType: 'ORDER_CHANGE' },
  'order.canceled': { notificationType: 'ORDER_CHANGE' },
  'order.shipment_confirmed': { notificationType: 'ORDER_CHANGE' },
  'order.cancel_requested': { notificationType: 'ORDER_CHANGE', reason: 'Buyer Requested Cancel' },
  'feed.processing_finished': { notificationType: 'FEED_PROCESSING_FINISHED' },
  'report.ready': { notificationType: 'REPORT_PROCESSING_FINISHED' },
  'account.status_changed': { notificationType: 'ACCOUNT_STATUS_CHANGED' },
};

export type SpApiNotificationType =
  | 'ORDER_CHANGE'
  | 'FEED_PROCESSING_FINISHED'
  | 'REPORT_PROCESSING_FINISHED'
  | 'ACCOUNT_STATUS_CHANGED';

/** The payload version of each type we publish (the one Amazon's schema examples carry). */
export const SP_API_PAYLOAD_VERSIONS: Readonly<Record<SpApiNotificationType, string>> = {
  ORDER_CHANGE: '1.0',
  FEED_PROCESSING_FINISHED: '2020-09-04',
  REPORT_PROCESSING_FINISHED: '2020-09-04',
  ACCOUNT_STATUS_CHANGED: '2021-01-01',
};

export function isSupportedNotificationType(t: string): t is SpApiNotificationType {
  return Object.hasOwn(SP_API_PAYLOAD_VERSIONS, t);
}

/** The SP-API notification type of a Mercato event type, or null (not published to SP-API). */
export function spApiNotificationTypeFor(eventType: string): SpApiNotificationType | null {
  return BY_EVENT[eventType]?.notificationType ?? null;
}

export type NotificationMetadata = {
  applicationId: string;
  subscriptionId: string;
  publishTime: Date;
  notificationId: string;
};

// --- ORDER_CHANGE (PascalCase; schemas/notifications/OrderChangeNotification.json) -----------

/**
 * What an order event's payload carries for ORDER_CHANGE (under `order`, or at the top level).
 * The orders module publishes it (NTF-9); missing optional fields are left out of the payload.
 */
export type OrderChangeEventData = {
  amazonOrderId: string;
  orderStatus: string;
  purchaseDate: string;
  marketplaceId: string;
  destinationPostalCode?: string | null;
  fulfillmentChannel?: 'MFN' | 'AFN';
  orderType?: string;
  earliestShipDate?: string | null;
  latestShipDate?: string | null;
  earliestDeliveryDate?: string | null;
  latestDeliveryDate?: string | null;
  isBusinessOrder?: boolean;
  isPrime?: boolean;
  items?: {
    orderItemId: string;
    sellerSku: string;
    quantity: number;
    quantityShipped?: number;
    isBuyerRequestedCancel?: boolean;
  }[];
};

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** Reads OrderChangeEventData from an event payload, tolerating the usual aliases. */
export function orderChangeData(payload: Record<string, unknown>): OrderChangeEventData | null {
  const o = (payload.order && typeof payload.order === 'object' ? payload.order : payload) as Record<
    string,
    unknown
  >;
  const amazonOrderId = str(o.amazonOrderId);
  const orderStatus = str(o.orderStatus) ?? str(o.status);
  const purchaseDate = str(o.purchaseDate);
  const marketplaceId = str(o.marketplaceId);
  if (!amazonOrderId || !orderStatus || !purchaseDate || !marketplaceId) return null;
  const rawItems = Array.isArray(o.items) ? (o.items as Record<string, unknown>[]) : [];
  return {
    amazonOrderId,
    orderStatus,
    purchaseDate,
    marketplaceId,
    destinationPostalCode: str(o.destinationPostalCode) ?? str(o.postalCode) ?? null,
    fulfillmentChannel: o.fulfillmentChannel === 'AFN' ? 'AFN' : 'MFN',
    orderType: str(o.orderType) ?? 'StandardOrder',
    earliestShipDate: str(o.earliestShipDate) ?? null,
    latestShipDate: str(o.latestShipDate) ?? null,
    earliestDeliveryDate: str(o.earliestDeliveryDate) ?? null,
    latestDeliveryDate: str(o.latestDeliveryDate) ?? null,
    isBusinessOrder: o.isBusinessOrder === true,
    isPrime: o.isPrime === true,
    items: rawItems.map((i) => ({
      orderItemId: String(i.orderItemId ?? ''),
      sellerSku: String(i.sellerSku ?? i.sku ?? ''),
      quantity: num(i.quantity) ?? num(i.quantityOrdered) ?? 0,
      quantityShipped: num(i.quantityShipped) ?? 0,
      isBuyerRequestedCancel: i.isBuyerRequestedCancel === true,
    })),
  };
}

export function orderChangeNotification(
  o: OrderChangeEventData,
  x: { sellerId: string; eventTime: Date; changeReason?: string; meta: NotificationMetadata },
) {
  const items = o.items ?? [];
  const shipped = items.reduce((n, i) => n + (i.quantityShipped ?? 0), 0);
  const ordered = items.reduce((n, i) => n + i.quantity, 0);
  const optional = (k: string, v: string | null | undefined) => (v ? { [k]: v } : {});
  const programs = [...(o.isBusinessOrder ? ['Business'] : []), ...(o.isPrime ? ['Prime'] : [])];
  const buyerRequested = x.changeReason === 'Buyer Requested Cancel';
  return {
    NotificationVersion: '1.0',
    NotificationType: 'ORDER_CHANGE',
    PayloadVersion: SP_API_PAYLOAD_VERSIONS.ORDER_CHANGE,
    EventTime: x.eventTime.toISOString(),
    Payload: {
      OrderChangeNotification: {
        NotificationLevel: 'OrderLevel',
        SellerId: x.sellerId,
        AmazonOrderId: o.amazonOrderId,
        OrderChangeType: buyerRequested ? 'BuyerRequestedChange' : 'OrderStatusChange',
        OrderChangeTrigger: {
          TimeOfOrderChange: x.eventTime.toISOString(),
          ChangeReason: x.changeReason ?? 'Order Status Change',
        },
        Summary: {
          MarketplaceId: o.marketplaceId,
          OrderStatus: o.orderStatus,
          PurchaseDate: o.purchaseDate,
          DestinationPostalCode: o.destinationPostalCode ?? null,
          FulfillmentType: o.fulfillmentChannel ?? 'MFN',
          OrderType: o.orderType ?? 'StandardOrder',
          NumberOfItemsShipped: shipped,
          NumberOfItemsUnshipped: Math.max(0, ordered - shipped),
          ...optional('EarliestDeliveryDate', o.earliestDeliveryDate),
          ...optional('LatestDeliveryDate', o.latestDeliveryDate),
          ...optional('EarliestShipDate', o.earliestShipDate),
          ...optional('LatestShipDate', o.latestShipDate),
          ...(programs.length ? { OrderPrograms: programs } : {}),
          OrderItems: items.map((i) => ({
            OrderItemId: i.orderItemId,
            SellerSKU: i.sellerSku,
            SupplySourceId: null,
            OrderItemStatus:
              (i.quantityShipped ?? 0) >= i.quantity && i.quantity > 0 ? 'Shipped' : 'Unshipped',
            Quantity: i.quantity,
            QuantityShipped: i.quantityShipped ?? 0,
            ...(buyerRequested ? { IsBuyerRequestedCancel: true } : {}),
          })),
        },
      },
    },
    NotificationMetadata: pascalMeta(x.meta),
  };
}

function pascalMeta(m: NotificationMetadata) {
  return {
    ApplicationId: m.applicationId,
    SubscriptionId: m.subscriptionId,
    PublishTime: m.publishTime.toISOString(),
    NotificationId: m.notificationId,
  };
}

function camelMeta(m: NotificationMetadata) {
  return {
    applicationId: m.applicationId,
    subscriptionId: m.subscriptionId,
    publishTime: m.publishTime.toISOString(),
    notificationId: m.notificationId,
  };
}

/** Seller account ids as SP-API writes them: `amzn1.merchant.o.<sellerId>`. */
export function accountIdOf(sellerId: string): string {
  return `amzn1.merchant.o.${sellerId}`;
}

// --- FEED_PROCESSING_FINISHED / REPORT_PROCESSING_FINISHED (camelCase) ------------------------

type ProcessingStatus = 'CANCELLED' | 'DONE' | 'FATAL';
const processingStatus = (v: unknown): ProcessingStatus => (v === 'CANCELLED' || v === 'FATAL' ? v : 'DONE');

export function feedProcessingFinishedNotification(
  d: {
    feedId: string;
    feedType: string;
    processingStatus: ProcessingStatus;
    resultFeedDocumentId?: string | null;
  },
  x: { sellerId: string; eventTime: Date; meta: NotificationMetadata },
) {
  return {
    notificationVersion: '2020-09-04',
    notificationType: 'FEED_PROCESSING_FINISHED',
    payloadVersion: SP_API_PAYLOAD_VERSIONS.FEED_PROCESSING_FINISHED,
    eventTime: x.eventTime.toISOString(),
    payload: {
      feedProcessingFinishedNotification: {
        sellerId: x.sellerId,
        accountId: accountIdOf(x.sellerId),
        feedId: d.feedId,
        feedType: d.feedType,
        processingStatus: d.processingStatus,
        ...(d.resultFeedDocumentId ? { resultFeedDocumentId: d.resultFeedDocumentId } : {}),
      },
    },
    notificationMetadata: camelMeta(x.meta),
  };
}

export function reportProcessingFinishedNotification(
  d: {
    reportId: string;
    reportType: string;
    processingStatus: ProcessingStatus;
    reportDocumentId?: string | null;
  },
  x: { sellerId: string; eventTime: Date; meta: NotificationMetadata },
) {
  return {
    notificationVersion: '2020-09-04',
    notificationType: 'REPORT_PROCESSING_FINISHED',
    payloadVersion: SP_API_PAYLOAD_VERSIONS.REPORT_PROCESSING_FINISHED,
    eventTime: x.eventTime.toISOString(),
    payload: {
      reportProcessingFinishedNotification: {
        sellerId: x.sellerId,
        accountId: accountIdOf(x.sellerId),
        reportId: d.reportId,
        reportType: d.reportType,
        processingStatus: d.processingStatus,
        ...(d.reportDocumentId ? { reportDocumentId: d.reportDocumentId } : {}),
      },
    },
    notificationMetadata: camelMeta(x.meta),
  };
}

// --- ACCOUNT_STATUS_CHANGED (camelCase; no seller or marketplace id in the payload) ----------

export type AccountStatus = 'NORMAL' | 'AT_RISK' | 'DEACTIVATED';
const accountStatus = (v: unknown): AccountStatus | null =>
  v === 'NORMAL' || v === 'AT_RISK' || v === 'DEACTIVATED' ? v : null;

export function accountStatusChangedNotification(
  d: { previousAccountStatus: AccountStatus; currentAccountStatus: AccountStatus },
  x: { eventTime: Date; meta: NotificationMetadata },
) {
  return {
    notificationVersion: '1.0',
    notificationType: 'ACCOUNT_STATUS_CHANGED',
    payloadVersion: SP_API_PAYLOAD_VERSIONS.ACCOUNT_STATUS_CHANGED,
    eventTime: x.eventTime.toISOString(),
    payload: {
      accountStatusChangeNotification: {
        previousAccountStatus: d.previousAccountStatus,
        currentAccountStatus: d.currentAccountStatus,
      },
    },
    notificationMetadata: camelMeta(x.meta),
  };
}

// --- from a Mercato event --------------------------------------------------------------------

/**
 * The SP-API notification for a Mercato event, or null when the event has no SP-API form or its
 * data lacks what the type requires (the delivery then fails with that reason, never a half body).
 */
export function buildSpApiNotification(e: {
  eventType: string;
  sellerId: string;
  data: Record<string, unknown>;
  eventTime: Date;
  meta: NotificationMetadata;
}): Record<string, unknown> | null {
  const route = BY_EVENT[e.eventType];
  if (!route) return null;
  const x = { sellerId: e.sellerId, eventTime: e.eventTime, meta: e.meta };
  switch (route.notificationType) {
    case 'ORDER_CHANGE': {
      const o = orderChangeData(e.data);
      return o ? orderChangeNotification(o, { ...x, changeReason: route.reason }) : null;
    }
    case 'FEED_PROCESSING_FINISHED': {
      const feedId = str(e.data.feedId);
      const feedType = str(e.data.feedType);
      if (!feedId || !feedType) return null;
      return feedProcessingFinishedNotification(
        {
          feedId,
          feedType,
          processingStatus: processingStatus(e.data.processingStatus),
          resultFeedDocumentId: str(e.data.resultFeedDocumentId) ?? null,
        },
        x,
      );
    }
    case 'REPORT_PROCESSING_FINISHED': {
      const reportId = str(e.data.reportId);
      const reportType = str(e.data.reportType);
      if (!reportId || !reportType) return null;
      return reportProcessingFinishedNotification(
        {
          reportId,
          reportType,
          processingStatus: processingStatus(e.data.processingStatus),
          reportDocumentId: str(e.data.reportDocumentId) ?? null,
        },
        x,
      );
    }
    case 'ACCOUNT_STATUS_CHANGED': {
      const previous = accountStatus(e.data.previousAccountStatus);
      const current = accountStatus(e.data.currentAccountStatus);
      if (!previous || !current) return null;
      return accountStatusChangedNotification(
        { previousAccountStatus: previous, currentAccountStatus: current },
        x,
      );
    }
  }
}
