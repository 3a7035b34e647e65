// English phrases (MSG-8 opt-out, MSG-9 marketing, MSG-10 review manipulation, MSG-11 off-platform).
import { lexicon } from './lexicon.ts';

const REVIEW = '(?:reviews?|feedback|ratings?|stars?)';
const INCENTIVE =
  '(?:refund(?:ed)?|reimburs\\w*|gift ?cards?|free (?:product|gift|item|sample|replacement)s?|discount(?:ed)?|rebate|coupons?|vouchers?|cash ?back|paypal (?:payment|money)|compensat\\w*|reward\\w*|\\$ ?\\d+|€ ?\\d+|\\d+ ?(?:dollars|euro|yen))';

export const en = lexicon({
  review_manipulation: [
    `\\b(?:positive|good|great|glowing|excellent|favou?rable|nice|top|high|best|5[- ]?star|five[- ]?star)\\s+${REVIEW}`,
    '\\b(?:5|five)[- ]?stars?\\b',
    '★{3,}|☆{3,}',
    `\\bif (?:you|u) (?:are|were|'re|feel|felt|have been) (?:\\w+ )?(?:happy|satisfied|pleased|delighted|content)\\b.{0,80}?${REVIEW}`,
    `\\b(?:happy|satisfied|pleased) (?:customers?|buyers?)\\b.{0,60}?${REVIEW}`,
    `\\bif (?:you(?:'re| are)? |u )?not (?:\\w+ )?(?:happy|satisfied|pleased)\\b.{0,80}?(?:contact us|let us know|message us|before (?:leaving|writing|posting))`,
    `\\bbefore (?:leaving|writing|posting) (?:a |any )?(?:negative|bad|low|poor) ${REVIEW}`,
    `\\b(?:remove|delete|change|update|revise|edit|withdraw|take down|modify|amend) (?:your |the |that |this |its )?(?:negative |bad |1[- ]star |one[- ]star |low )?${REVIEW}`,
    `\\b${REVIEW} (?:removed|deleted|changed|updated|revised|withdrawn|taken down)`,
    `\\bin (?:exchange|return) for (?:a |an |your )?(?:\\w+ )?${REVIEW}`,
    `\\b${INCENTIVE}\\b.{0,80}?\\b(?:for|after|once|when|if) (?:you |u )?(?:\\w+ ){0,3}${REVIEW}`,
    `\\b(?:leav|writ|post)(?:e|ing) (?:us |a |your )*${REVIEW}\\b.{0,80}?\\b(?:and|to) (?:we will |we'll |you will |you'll )?(?:get|receive|send|give|offer|earn)\\b.{0,30}?${INCENTIVE}`,
    `\\b${REVIEW}\\b.{0,40}?\\b(?:get|receive|earn|claim) (?:a |an |your )?${INCENTIVE}`,
  ],
  marketing: [
    '\\b(?:coupon|discount|promo(?:tion(?:al)?)?|voucher) codes?\\b',
    '\\b(?:use|enter|apply|redeem) (?:the )?(?:code|coupon)\\b',
    '\\b\\d{1,2} ?% (?:off|discount)\\b',
    "\\b(?:here(?: is|'s)|we(?:'re| are| will| would like to)? (?:offer|send|give|giv)\\w*(?: you)?|enjoy|get|receive|claim) (?:a |an |your |this |our |one )?(?:exclusive |special |free |\\d+ ?% )?(?:coupon|discount|voucher|gift)\\b",
    '\\b(?:on|for) your next (?:order|purchase)\\b',
    '\\b(?:big |summer |winter |flash |clearance |holiday |black friday |spring )sale\\b',
    '\\bsale (?:ends|now on|starts)\\b',
    '\\bnew (?:products?|arrivals?|collection|releases?|items?|models?) (?:in (?:our|the) (?:store|shop)|are (?:now )?(?:available|in)|just (?:arrived|landed)|launch)',
    '\\b(?:check out|have a look at|take a look at|browse|discover|see) (?:our|my) (?:other |new |latest |full )?(?:products?|items?|store|shop|range|collection|catalog(?:ue)?|website|site|offers?|deals?)',
    '\\b(?:visit|shop at|shop in) (?:our|my) (?:\\w+ )?(?:store|shop|website|site|web ?shop|online shop|boutique)\\b',
    '\\bfollow us\\b',
    '\\b(?:subscribe|sign up) to (?:our|my) (?:newsletter|channel|mailing list)\\b',
    '\\bnewsletter\\b',
    '\\blimited[- ]time (?:offer|deal|discount)\\b',
    '\\b(?:buy|order|shop) (?:now|again|more)\\b(?! (?:in|from) (?:the|your) (?:app|account))',
    '\\bexclusive (?:offer|deal|discount|promotion)s?\\b',
    '\\b(?:you (?:may|might) also (?:like|love|enjoy)|customers who bought|recommend (?:our|these|this) (?:other )?(?:products?|items?))\\b',
    '\\b(?:our|my) (?:other|new|latest) (?:products?|items?|models?) (?:are|is) (?:now )?(?:available|on sale)\\b',
  ],
  opt_out_link: [
    '\\bunsubscrib\\w*',
    '\\bopt[- ]?out\\b',
    '\\b(?:stop|no longer) (?:receiving|getting) (?:these |our |such )?(?:messages|emails|e-mails|mails)\\b',
    "\\bdon'?t want to (?:receive|get) (?:these |our |such |any more |more )?(?:messages|emails|e-mails)\\b",
  ],
  off_platform: [
    '\\b(?:direct|private|outside) (?:deal|sale|purchase|payment|transaction)s?\\b',
    '\\b(?:bank|wire) transfer\\b',
    '\\b(?:pay|payment|send (?:the )?money|buy|purchase|order) (?:directly|outside (?:of )?(?:mercato|amazon|the (?:platform|marketplace|site)))\\b',
    '\\boutside (?:of )?(?:mercato|amazon|the (?:platform|marketplace|site))\\b',
    '\\b(?:via|through|by|with|on|using) (?:paypal|venmo|zelle|western union|moneygram|revolut|cash ?app|wise)\\b',
    '\\b(?:paypal|venmo|zelle|western union|moneygram|cash ?app)\\b',
    '\\b(?:call|phone|ring|text|sms|whatsapp|email|e-mail|mail) (?:me|us)\\b(?! (?:through|via|using|on|in) (?:mercato|amazon|buyer|the messag))',
    '\\b(?:my|our) (?:personal |direct |private |mobile |cell )?(?:phone|telephone|mobile|cell|e-?mail|email address|contact details|number)(?: number)? (?:is|:)',
    '\\b(?:contact|reach|write to|message) (?:me|us) (?:directly|privately|personally) (?:at|on|via|by)\\b',
    '\\b(?:contact|reach) (?:me|us) (?:at|on) (?:my|our) ',
  ],
  messenger_handle: [
    '\\b(?:whats ?app|telegram|wechat|viber|signal app|skype|discord|kakao ?talk|snapchat|instagram|insta|facebook|messenger|tiktok|twitter)\\b',
    '\\bLINE (?:ID|id|account|app)\\b',
    '\\b(?:my|our|add (?:me|us) on) LINE\\b',
    '\\bQR ?code\\b',
    '\\b(?:add|find|follow|dm) (?:me|us) on @?[A-Za-z]',
  ],
});
