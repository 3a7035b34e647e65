// Every threshold, window and deadline of the SPEC is a per-marketplace setting ("Marketplaces"
// section); these are the seeded values. Code reads them from the marketplace row, never from
// literals.

export type MarketplacePolicy = {
  orders: {
    /** ORD-5: minutes after checkout during which the buyer may edit an MFN order. */
    editWindowMinutes: number;
    /** ORD-8: days after the ship-by date until an unconfirmed order is cancelled. */
    autoCancelDaysAfterShipBy: number;
    /** ORD-6: orders placed after this local time count from the next business day. */
    sameDayCutoffLocalTime: string;
    /** ORD-6: handling time used when a listing gives none. */
    defaultHandlingDays: number;
    /** ORD-6: business days in transit, for the deliver-by window. */
    transitDays: { min: number; max: number };
    /** ISO weekdays that are business days (1 = Monday ... 7 = Sunday). */
    businessWeekdays: number[];
    /** National holidays (YYYY-MM-DD, local dates) of the current and next year. */
    holidays: string[];
  };
  messaging: {
    /** MSG-14: hours within which a buyer message must be answered. */
    responseTimeHours: number;
    /** MSG-13: days after delivery during which the seller may message the buyer. */
    messagingWindowDaysAfterDelivery: number;
    /** MSG-8: carrier tracking hosts that may be linked in seller messages. */
    carrierTrackingHosts: string[];
    /** Flood control: messages one sender (buyer or relay sender) may send per hour. */
    maxMessagesPerSenderPerHour: number;
    /** Longest message body accepted (characters) from the web and by mail. */
    maxMessageChars: number;
    /** Attachments: total bytes per message and the accepted content types. */
    maxAttachmentBytes: number;
    attachmentContentTypes: string[];
    /** Solicitations v1: from N days after the earliest delivery date... */
    solicitationFromDaysAfterEarliestDelivery: number;
    /** ...to N days after the latest delivery date. */
    solicitationToDaysAfterLatestDelivery: number;
    /** MSG-15: shortest and longest reply deadline the seller may set (hours from now). */
    replyDeadlineHours: { min: number; max: number };
  };
  metrics: {
    orderDefectRateMax: number; // PERF-1
    lateShipmentRateMax: number; // PERF-2
    preFulfillmentCancelRateMax: number; // PERF-3
    validTrackingRateMin: number; // PERF-4
    onTimeDeliveryRateMin: number; // PERF-5
    responseWithin24hRateMin: number; // PERF-6
  };
  returns: {
    /** RET-1: business days after receipt by which the refund is due. */
    refundDueBusinessDays: number;
  };
};

// Shared messaging limits (seeded per marketplace; Amazon documents 10 MB per message and the
// 5–30-day solicitation window, reference/orders-and-messaging-rules.md §1.6).
const MESSAGING_LIMITS = {
  maxMessagesPerSenderPerHour: 20,
  maxMessageChars: 4000,
  maxAttachmentBytes: 10 * 1024 * 1024,
  attachmentContentTypes: [
    'application/pdf',
    'image/jpeg',
    'image/png',
    'image/gif',
    'text/plain',
    'application/msword',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  ],
  solicitationFromDaysAfterEarliestDelivery: 5,
  solicitationToDaysAfterLatestDelivery: 30,
  replyDeadlineHours: { min: 24, max: 168 },
} as const;

const METRIC_TARGETS: MarketplacePolicy['metrics'] = {
  orderDefectRateMax: 0.01,
  lateShipmentRateMax: 0.04,
  preFulfillmentCancelRateMax: 0.025,
  validTrackingRateMin: 0.95,
  onTimeDeliveryRateMin: 0.97,
  responseWithin24hRateMin: 0.9,
};

// Japan: national holidays 2026–2027 (Cabinet Office list, incl. substitute holidays).
const JP_HOLIDAYS = [
  '2026-01-01',
  '2026-01-12',
  '2026-02-11',
  '2026-02-23',
  '2026-03-20',
  '2026-04-29',
  '2026-05-03',
  '2026-05-04',
  '2026-05-05',
  '2026-05-06',
  '2026-07-20',
  '2026-08-11',
  '2026-09-21',
  '2026-09-22',
  '2026-09-23',
  '2026-10-12',
  '2026-11-03',
  '2026-11-23',
  '2027-01-01',
  '2027-01-11',
  '2027-02-11',
  '2027-02-23',
  '2027-03-21',
  '2027-03-22',
  '2027-04-29',
  '2027-05-03',
  '2027-05-04',
  '2027-05-05',
  '2027-07-19',
  '2027-08-11',
  '2027-09-20',
  '2027-09-23',
  '2027-10-11',
  '2027-11-03',
  '2027-11-23',
];

// Italy: national holidays 2026–2027 (4 October is a national holiday again from 2026).
const IT_HOLIDAYS = [
  '2026-01-01',
  '2026-01-06',
  '2026-04-05',
  '2026-04-06',
  '2026-04-25',
  '2026-05-01',
  '2026-06-02',
  '2026-08-15',
  '2026-10-04',
  '2026-11-01',
  '2026-12-08',
  '2026-12-25',
  '2026-12-26',
  '2027-01-01',
  '2027-01-06',
  '2027-03-28',
  '2027-03-29',
  '2027-04-25',
  '2027-05-01',
  '2027-06-02',
  '2027-08-15',
  '2027-10-04',
  '2027-11-01',
  '2027-12-08',
  '2027-12-25',
  '2027-12-26',
];

export type MarketplaceSeed = {
  id: string;
  name: string;
  countryCode: string;
  currency: string;
  language: 'ja' | 'it' | 'en';
  timeZone: string;
  domain: string;
  salesChannel: string;
  policy: MarketplacePolicy;
};

export const SEEDED_MARKETPLACES: readonly MarketplaceSeed[] = [
  {
    id: 'A1VC38T7YXB528',
    name: 'Japan',
    countryCode: 'JP',
    currency: 'JPY',
    language: 'ja',
    timeZone: 'Asia/Tokyo',
    domain: 'mercato.jp',
    salesChannel: 'Mercato.jp',
    policy: {
      orders: {
        editWindowMinutes: 5,
        autoCancelDaysAfterShipBy: 7,
        sameDayCutoffLocalTime: '14:00',
        defaultHandlingDays: 2,
        transitDays: { min: 1, max: 3 },
        businessWeekdays: [1, 2, 3, 4, 5],
        holidays: JP_HOLIDAYS,
      },
      messaging: {
        responseTimeHours: 24,
        messagingWindowDaysAfterDelivery: 30,
        carrierTrackingHosts: [
          'toi.kuronekoyamato.co.jp',
          'track.kuronekoyamato.co.jp',
          'k2k.sagawa-exp.co.jp',
          'trackings.post.japanpost.jp',
        ],
        ...MESSAGING_LIMITS,
        attachmentContentTypes: [...MESSAGING_LIMITS.attachmentContentTypes],
        replyDeadlineHours: { ...MESSAGING_LIMITS.replyDeadlineHours },
      },
      metrics: METRIC_TARGETS,
      returns: { refundDueBusinessDays: 2 },
    },
  },
  {
    id: 'APJ6JRA9NG5V4',
    name: 'Italy',
    countryCode: 'IT',
    currency: 'EUR',
    language: 'it',
    timeZone: 'Europe/Rome',
    domain: 'mercato.it',
    salesChannel: 'Mercato.it',
    policy: {
      orders: {
        editWindowMinutes: 5,
        autoCancelDaysAfterShipBy: 7,
        sameDayCutoffLocalTime: '14:00',
        defaultHandlingDays: 2,
        transitDays: { min: 1, max: 4 },
        businessWeekdays: [1, 2, 3, 4, 5],
        holidays: IT_HOLIDAYS,
      },
      messaging: {
        responseTimeHours: 24,
        messagingWindowDaysAfterDelivery: 30,
        carrierTrackingHosts: [
          'www.poste.it',
          'www.brt.it',
          'vas.brt.it',
          'www.gls-italy.com',
          'www.sda.it',
          'www.dhl.com',
          'www.ups.com',
        ],
        ...MESSAGING_LIMITS,
        attachmentContentTypes: [...MESSAGING_LIMITS.attachmentContentTypes],
        replyDeadlineHours: { ...MESSAGING_LIMITS.replyDeadlineHours },
      },
      metrics: METRIC_TARGETS,
      returns: { refundDueBusinessDays: 2 },
    },
  },
];
