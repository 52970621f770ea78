/**
 * Demo-store shoppers the end-to-end cases return something for, one each,
 * so their returns never meet. Each is a `standard` customer with one
 * delivered order, delivered a few days before the data is loaded (the
 * demo's dates are relative to `seed demo`, so the line stays in its return
 * window), and an ordinary line of it: not final sale, not furniture, not
 * hygiene-sealed or electronics, priced between $40 and $1,000, so a
 * defective item is sent back and nothing needs review. Names, emails and
 * ZIP codes are those of src/returndesk/data/demo/users.json.
 */

export interface DemoShopper {
  customerId: string;
  email: string;
  firstName: string;
  lastName: string;
  zip: string;
  orderId: string;
  item: { id: string; name: string; price: string };
}

/** Returns by clicks only. Paid by card. */
export const LIAM_LEE: DemoShopper = {
  customerId: 'liam_lee_5696',
  email: 'liam.lee9297@example.com',
  firstName: 'Liam',
  lastName: 'Lee',
  zip: '76176',
  orderId: '#W9710999',
  item: { id: '7605253559', name: 'Tea Kettle', price: '97.88' },
};

/** Returns by typing only. Paid by card. */
export const AMELIA_NGUYEN: DemoShopper = {
  customerId: 'amelia_nguyen_5209',
  email: 'amelia.nguyen3376@example.com',
  firstName: 'Amelia',
  lastName: 'Nguyen',
  zip: '94113',
  orderId: '#W9324386',
  item: { id: '7160999700', name: 'Luggage Set', price: '499.29' },
};

/** Typing and clicking by turns. Paid by gift card. */
export const YUSUF_GARCIA: DemoShopper = {
  customerId: 'yusuf_garcia_5427',
  email: 'yusuf.garcia5261@example.com',
  firstName: 'Yusuf',
  lastName: 'Garcia',
  zip: '10155',
  orderId: '#W5763385',
  item: { id: '5537798301', name: 'Cycling Helmet', price: '204.47' },
};

/** Returns, reloads and reopens the conversation from the history. Paid by card. */
export const AVA_KOVACS: DemoShopper = {
  customerId: 'ava_kovacs_3448',
  email: 'ava.kovacs4827@example.com',
  firstName: 'Ava',
  lastName: 'Kovacs',
  zip: '85052',
  orderId: '#W6344370',
  item: { id: '4545791457', name: 'Skateboard', price: '186.06' },
};

/** Comes from the store's site with a signed customer token (embedded mode). */
export const DAIKI_JOHNSON: DemoShopper = {
  customerId: 'daiki_johnson_9523',
  email: 'daiki.johnson2279@example.com',
  firstName: 'Daiki',
  lastName: 'Johnson',
  zip: '80273',
  orderId: '#W9502127',
  item: { id: '9534205511', name: 'Air Purifier', price: '473.43' },
};

/** A return and a new default address asked for in one message. Paid by PayPal; no pending order. */
export const RAJ_KOVACS: DemoShopper = {
  customerId: 'raj_kovacs_9859',
  email: 'raj.kovacs2291@example.com',
  firstName: 'Raj',
  lastName: 'Kovacs',
  zip: '10231',
  orderId: '#W1473345',
  item: { id: '3020722515', name: 'Coffee Maker', price: '238.64' },
};

/**
 * Returns something expensive enough to wait for review, which the staff console then
 * decides. One delivered order; paid by card or gift card.
 */
export const HARPER_KHAN: DemoShopper = {
  customerId: 'harper_khan_9597',
  email: 'harper.khan1177@example.com',
  firstName: 'Harper',
  lastName: 'Khan',
  zip: '19029',
  orderId: '#W3134391',
  item: { id: '7806008610', name: 'Espresso Machine', price: '2742.67' },
};

/**
 * Asks for a person: the staff console answers them in the chat and hands them back, and
 * they return something by clicks. Paid by card.
 */
export const MIA_SILVA: DemoShopper = {
  customerId: 'mia_silva_4504',
  email: 'mia.silva2639@example.com',
  firstName: 'Mia',
  lastName: 'Silva',
  zip: '95173',
  orderId: '#W6319233',
  item: { id: '9727387530', name: 'Sneakers', price: '207.75' },
};
