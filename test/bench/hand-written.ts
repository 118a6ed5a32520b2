/**
 * The reference policy (rules/after-sales.sop) written by hand as plain JavaScript, the way a
 * performance-minded engineer would: a switch on the problem, nested ifs, constant results for
 * outcomes without values. It is the yardstick of the benchmark; it assumes every fact it reads
 * is present (the benchmark's cases are complete) and money in fen.
 */

/** What the hand-written function decides: the outcome, and the refund cap of `partial_refund`. */
export interface HandResult {
  readonly outcome: string;
  readonly values: { readonly refund_cap?: number };
}

/** The facts the hand-written function reads (money in fen). */
export interface HandCase {
  readonly problem: string;
  readonly item_value: number;
  readonly return_shipping: number;
  readonly order_profit: number;
  readonly small_and_light: boolean;
  readonly shortage_confirmed: boolean;
  readonly matches_order: boolean;
  readonly damage: string;
  readonly exchange_possible: boolean;
  readonly feedback_accurate: boolean;
  readonly cause: string;
  readonly shipped: boolean;
  readonly past_promised_time: boolean;
  readonly our_fault: boolean;
  readonly difficult: boolean;
  readonly quantity_correct: boolean;
}

const SMALL_AMOUNT = 3000;
const HIGH_VALUE = 50000;

const results = new Map<string, HandResult>();
const done = (outcome: string): HandResult => {
  let r = results.get(outcome);
  if (r === undefined) results.set(outcome, (r = { outcome, values: {} }));
  return r;
};
const REFUND_DIRECTLY = done('refund_directly');
const REFUND_OR_RESHIP = done('refund_or_reship');
const COURIER_CLAIM = done('courier_claim');
const EXPLAIN_CUSTOMER_ERROR = done('explain_customer_error');
const RETURN_AND_EXCHANGE = done('return_and_exchange');
const DISCOUNT_OR_GIFT = done('discount_or_gift');
const RETURN_AND_REFUND = done('return_and_refund');
const EXPLAIN_LISTING = done('explain_listing');
const EXPLAIN_LIGHTING = done('explain_lighting');
const RESHIP_WITH_GIFT = done('reship_with_gift');
const COMPENSATE_LISTING_ERROR = done('compensate_listing_error');
const TRACK_AND_REPLY = done('track_and_reply');
const APOLOGISE_AND_SHIP = done('apologise_and_ship');
const ASK_TO_WAIT = done('ask_to_wait');
const ESCALATE = done('escalate');
const APOLOGISE_AND_RESOLVE = done('apologise_and_resolve');
const EXPLAIN_FACTS = done('explain_facts');
const ACCEPT_RETURN = done('accept_return');
const INVESTIGATE_RETURN = done('investigate_return');

function wrongItemValue(c: HandCase): HandResult {
  if (c.item_value >= HIGH_VALUE || c.item_value > c.return_shipping) return RETURN_AND_EXCHANGE;
  return DISCOUNT_OR_GIFT;
}

function damagedReturn(c: HandCase): HandResult {
  return c.exchange_possible ? RETURN_AND_EXCHANGE : RETURN_AND_REFUND;
}

/** The reference policy, by hand. Throws on a case the policy does not cover (none of the benchmark's). */
export function decideByHand(c: HandCase): HandResult {
  switch (c.problem) {
    case 'missing_items':
      if (c.item_value <= SMALL_AMOUNT && c.small_and_light) return REFUND_DIRECTLY;
      return c.shortage_confirmed ? REFUND_OR_RESHIP : COURIER_CLAIM;
    case 'wrong_item':
      return c.matches_order ? EXPLAIN_CUSTOMER_ERROR : wrongItemValue(c);
    case 'transit_damage':
      if (c.item_value >= HIGH_VALUE) return damagedReturn(c);
      if (c.damage === 'minor') return { outcome: 'partial_refund', values: { refund_cap: Math.min(c.order_profit, c.return_shipping) } };
      return damagedReturn(c);
    case 'not_as_described':
      if (!c.feedback_accurate) return EXPLAIN_LISTING;
      switch (c.cause) {
        case 'lighting':
          return EXPLAIN_LIGHTING;
        case 'wrong_product':
          return wrongItemValue(c);
        case 'missing_accessory':
          return RESHIP_WITH_GIFT;
        default:
          return COMPENSATE_LISTING_ERROR;
      }
    case 'logistics':
      if (c.shipped) return TRACK_AND_REPLY;
      return c.past_promised_time ? APOLOGISE_AND_SHIP : ASK_TO_WAIT;
    case 'complaint':
      if (c.difficult) return ESCALATE;
      return c.our_fault ? APOLOGISE_AND_RESOLVE : EXPLAIN_FACTS;
    case 'return_received':
      return c.quantity_correct ? ACCEPT_RETURN : INVESTIGATE_RETURN;
    default:
      throw new Error(`unknown problem ${c.problem}`);
  }
}
