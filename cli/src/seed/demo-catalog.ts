import type { CreateProductBody } from '@ecommerce/schemas';

/**
 * A realistic demo catalog, generated deterministically (the same products on every
 * machine): a few hundred products over eight categories, priced in EUR minor units,
 * with stock. Deterministic so that docs, tests and benchmarks can name real products.
 */
interface CategoryTemplate {
  category: string;
  code: string;
  nouns: Array<[noun: string, basePrice: number, tags: string[]]>;
  adjectives: string[];
  brands: string[];
}

const templates: CategoryTemplate[] = [
  { category: 'electronics', code: 'ELC', brands: ['Voltara', 'Nordlicht', 'Kestrel', 'Aurix'], adjectives: ['Wireless', 'Compact', 'Pro', 'Smart', 'Portable'],
    nouns: [['Headphones', 8999, ['audio']], ['Bluetooth Speaker', 4999, ['audio']], ['USB-C Charger', 2499, ['power']], ['Mechanical Keyboard', 11999, ['computer']], ['4K Monitor', 32999, ['computer', 'display']], ['Webcam', 6999, ['computer', 'video']]] },
  { category: 'books', code: 'BOK', brands: ['Harbor Press', 'Lantern Books', 'Quill & Co'], adjectives: ['Illustrated', 'Complete', 'Pocket', 'Annotated'],
    nouns: [['Guide to Sourdough', 2499, ['cooking']], ['History of the Alps', 2999, ['history']], ['Field Guide to Birds', 1999, ['nature']], ['Introduction to Astronomy', 3499, ['science']], ['Mystery Anthology', 1499, ['fiction']]] },
  { category: 'kitchen', code: 'KIT', brands: ['Ferrum', 'Casa Viva', 'Bakewell'], adjectives: ['Cast Iron', 'Stainless', 'Non-Stick', 'Ceramic', 'Copper'],
    nouns: [['Frying Pan', 3999, ['cookware']], ['Dutch Oven', 7999, ['cookware']], ['Chef Knife', 5999, ['knives']], ['Espresso Maker', 4499, ['coffee']], ['Mixing Bowl Set', 2999, ['baking']]] },
  { category: 'home', code: 'HOM', brands: ['Linnea', 'Oakridge', 'Hygge Haus'], adjectives: ['Linen', 'Wool', 'Scented', 'Minimalist', 'Handmade'],
    nouns: [['Throw Blanket', 4999, ['textiles']], ['Table Lamp', 5999, ['lighting']], ['Candle', 1899, ['decor']], ['Cushion Cover', 1599, ['textiles']], ['Wall Clock', 3499, ['decor']]] },
  { category: 'sports', code: 'SPT', brands: ['Summit', 'Riverrun', 'Apex Motion'], adjectives: ['Lightweight', 'Waterproof', 'Trail', 'Training', 'Insulated'],
    nouns: [['Running Shoes', 10999, ['running', 'footwear']], ['Yoga Mat', 3499, ['yoga']], ['Water Bottle', 1999, ['hydration']], ['Hiking Backpack', 8999, ['hiking']], ['Cycling Gloves', 2499, ['cycling']]] },
  { category: 'toys', code: 'TOY', brands: ['Tinker Tree', 'Bright Blocks', 'Nimbus Kids'], adjectives: ['Wooden', 'Magnetic', 'Classic', 'Educational'],
    nouns: [['Building Set', 3999, ['construction']], ['Puzzle 1000 Pieces', 1999, ['puzzles']], ['Train Set', 5999, ['vehicles']], ['Board Game', 2999, ['games']], ['Plush Bear', 1499, ['plush']]] },
  { category: 'garden', code: 'GRD', brands: ['Greenfold', 'Terra Firma', 'Bloomwell'], adjectives: ['Galvanised', 'Ergonomic', 'Foldable', 'Solar'],
    nouns: [['Watering Can', 2499, ['watering']], ['Pruning Shears', 2999, ['tools']], ['Garden Light', 1999, ['lighting']], ['Raised Bed', 8999, ['planters']], ['Kneeling Pad', 1299, ['tools']]] },
  { category: 'clothing', code: 'CLO', brands: ['Fjordline', 'Weft & Warp', 'Urban Loom'], adjectives: ['Merino', 'Organic Cotton', 'Recycled', 'Slim Fit', 'Relaxed'],
    nouns: [['T-Shirt', 2499, ['tops']], ['Hoodie', 5999, ['tops']], ['Rain Jacket', 12999, ['outerwear']], ['Socks 3-Pack', 1499, ['basics']], ['Chinos', 6999, ['bottoms']]] },
];

/** A small deterministic generator (mulberry32), so the catalog is the same everywhere. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const variants = ['Black', 'White', 'Slate Blue', 'Forest Green', 'Sand', 'Burgundy'];

/** Two different variants (colours) of one product line. */
function pickTwo(random: () => number): string[] {
  const first = Math.floor(random() * variants.length);
  const second = (first + 1 + Math.floor(random() * (variants.length - 1))) % variants.length;
  return [variants[first] as string, variants[second] as string];
}

export function demoCatalog(): CreateProductBody[] {
  const random = seededRandom(20261122);
  const products: CreateProductBody[] = [];
  for (const template of templates) {
    let serial = 0;
    for (const [noun, basePrice, tags] of template.nouns) {
      for (const adjective of template.adjectives) {
       for (const variant of pickTwo(random)) {
        const brand = template.brands[Math.floor(random() * template.brands.length)] as string;
        serial += 1;
        const price = Math.round((basePrice * (0.8 + random() * 0.5)) / 100) * 100 - 1;
        const stock = random() < 0.1 ? 0 : Math.floor(random() * 120) + 1;
        products.push({
          sku: `${template.code}-${String(serial).padStart(4, '0')}`,
          name: `${brand} ${adjective} ${noun}, ${variant}`,
          description: `${adjective} ${noun.toLowerCase()} by ${brand}. A demo product in ${template.category}.`,
          category: template.category,
          tags: [...tags, adjective.toLowerCase().replace(/\s+/g, '-')],
          price: { amount: Math.max(99, price), currency: 'EUR' },
          ...(stock > 0 ? { initialStock: stock } : {}),
        });
       }
      }
    }
  }
  return products;
}
