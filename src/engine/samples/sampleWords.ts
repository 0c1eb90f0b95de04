// Word pools for realistic-looking sample values. Small on purpose: values
// repeat, so equality patterns on them have hits. A few non-ASCII names keep
// byte-order and encoding paths exercised.

export const FIRST_NAMES = [
  'Ana',
  'Bruno',
  'Carla',
  'Diego',
  'Elena',
  'Felix',
  'Grace',
  'Hugo',
  'Ines',
  'João',
  'Kenji',
  'Lena',
  'Marco',
  'Nadia',
  'Omar',
  'Priya',
  'Quinn',
  'Rosa',
  'Sven',
  'Tariq',
  'Uma',
  'Victor',
  'Wen',
  'Ximena',
  'Yusuf',
  'Zoë',
  'Amara',
  'Björn',
  'Chloé',
  'Dmitri',
  'Emma',
  'Farah',
  'Gustavo',
  'Hana',
  'Ivan',
  'Julia',
  'Kofi',
  'Lucía',
  'Mateo',
  'Noor',
] as const;

export const LAST_NAMES = [
  'Silva',
  'Smith',
  'Müller',
  'Garcia',
  'Kim',
  'Nguyen',
  'Rossi',
  'Dubois',
  'Kowalski',
  'Santos',
  'Johnson',
  'Tanaka',
  'Okafor',
  'Larsen',
  'Haddad',
  'Petrov',
  'Costa',
  'Novak',
  'Patel',
  'Brown',
  'Ferreira',
  'Schmidt',
  'Moreau',
  'Yilmaz',
  'Andersson',
  'Chen',
  'Lopez',
  'Walker',
  'Ibrahim',
  'Sato',
  'Martins',
  'Weber',
  'Fischer',
  'Murphy',
  'Romero',
  'Jensen',
  'Ali',
  'Novák',
  'Wright',
  'Mendes',
] as const;

export const EMAIL_DOMAINS = ['example.com', 'example.org', 'mail.example.net'] as const;

export const PRODUCT_ADJECTIVES = [
  'Classic',
  'Compact',
  'Deluxe',
  'Eco',
  'Ergonomic',
  'Handmade',
  'Lightweight',
  'Modern',
  'Portable',
  'Premium',
  'Rustic',
  'Smart',
  'Vintage',
  'Wireless',
  'Organic',
] as const;

export const PRODUCT_NOUNS = [
  'Backpack',
  'Blender',
  'Bookshelf',
  'Candle',
  'Chair',
  'Coffee Mug',
  'Desk Lamp',
  'Headphones',
  'Jacket',
  'Kettle',
  'Notebook',
  'Pillow',
  'Running Shoes',
  'Speaker',
  'Sunglasses',
  'Teapot',
  'Toaster',
  'Umbrella',
  'Wallet',
  'Watch',
] as const;

/** Titles from the AWS GameScores example, and a few more. */
export const GAME_TITLES = [
  'Meteor Blasters',
  'Galaxy Invaders',
  'Comet Quest',
  'Starship X',
  'Alien Adventure',
  'Attack Ships',
  'Nebula Run',
  'Asteroid Miner',
] as const;

export const STORE_PREFIXES = ['Downtown', 'Harbor', 'Central', 'Riverside', 'Airport', 'Old Town', 'Market Street', 'Parkside'] as const;
export const STORE_SUFFIXES = ['Market', 'Café', 'Corner', 'Plaza', 'Express', 'Roastery'] as const;

export const COMPANY_WORDS = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Stark', 'Wayne', 'Hooli', 'Vandelay', 'Soylent', 'Tyrell'] as const;
export const COMPANY_SUFFIXES = ['Inc', 'Ltd', 'GmbH', 'Labs', 'Group', 'Co'] as const;

export const CATEGORIES = ['books', 'electronics', 'garden', 'home', 'kitchen', 'music', 'office', 'outdoors', 'sports', 'toys', 'beauty', 'games'] as const;

export const STATUSES = ['active', 'inactive', 'pending', 'archived'] as const;
export const PLANS = ['free', 'basic', 'pro', 'enterprise'] as const;
export const CURRENCIES = ['USD', 'EUR', 'GBP', 'BRL', 'JPY'] as const;
export const LANGUAGES = ['en', 'pt', 'es', 'de', 'fr', 'ja'] as const;
export const COLORS = ['red', 'blue', 'green', 'black', 'white', 'yellow', 'purple', 'orange'] as const;

export const STREET_NAMES = ['Main', 'Oak', 'Maple', 'Pine', 'Cedar', 'Elm', 'Lake', 'Hill', 'Park', 'Church', 'Mill', 'Station'] as const;
export const STREET_TYPES = ['St', 'Ave', 'Rd', 'Blvd', 'Lane'] as const;

export const SENTENCE_STARTS = [
  'Great value',
  'Arrived quickly',
  'Works as described',
  'Not what I expected',
  'Would buy again',
  'Solid build quality',
  'A bit pricey',
  'Perfect for everyday use',
  'Exceeded expectations',
  'Needs improvement',
] as const;
export const SENTENCE_ENDS = [
  'and easy to use.',
  'but the box was damaged.',
  'and the colour is lovely.',
  'for the price.',
  'and support was helpful.',
  'though delivery took a while.',
  'and it feels sturdy.',
  'overall.',
] as const;

/** Plain words for attributes the generator does not recognise: `quiet-river`. */
export const WORD_ADJECTIVES = ['quiet', 'bright', 'swift', 'amber', 'silver', 'bold', 'calm', 'lucky', 'north', 'rapid'] as const;
export const WORD_NOUNS = ['river', 'falcon', 'maple', 'harbor', 'comet', 'meadow', 'summit', 'canyon', 'ember', 'tide'] as const;
