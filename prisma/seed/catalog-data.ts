// Demo catalog used by the database seed (prisma/seed): categories, products and their local image paths.
import { SHOP_CURRENCY } from "@/lib/catalog/shop-currency";

export type SeedCategory = { slug: string; name: string; description: string; position: number };

export type SeedProduct = {
  slug: string;
  name: string;
  description: string;
  /** Price in integer minor units of the shop's currency. */
  priceMinor: number;
  currency: string;
  stock: number;
  featured: boolean;
  categorySlug: string;
  imagePath: string;
  /** Shipping weight in grams (weight-band shipping rates). */
  weightGrams: number;
};

export const seedCategories: readonly SeedCategory[] = [
  {
    slug: "audio",
    name: "Audio",
    description: "Headphones, earbuds and speakers tuned for clear, detailed sound at home and on the move.",
    position: 1,
  },
  {
    slug: "home-office",
    name: "Home Office",
    description: "Desk gear, lighting and accessories that make a small workspace comfortable and tidy.",
    position: 2,
  },
  {
    slug: "kitchen",
    name: "Kitchen",
    description: "Well-made tools for brewing coffee, cooking weeknight dinners and serving guests.",
    position: 3,
  },
  {
    slug: "outdoor",
    name: "Outdoor",
    description: "Durable packs, shelters and camp essentials for day hikes and weekend trips.",
    position: 4,
  },
  {
    slug: "apparel",
    name: "Apparel",
    description: "Everyday clothing in organic cotton, merino wool and recycled fabrics built to last.",
    position: 5,
  },
];

export const seedProducts: readonly SeedProduct[] = [
  {
    slug: "studio-over-ear-headphones",
    name: "Studio Over-Ear Headphones",
    description:
      "Closed-back over-ear headphones with active noise cancelling and 40 mm drivers for a balanced, " +
      "detailed sound. Bluetooth 5.3 with multipoint pairing, a wired 3.5 mm mode and up to 40 hours of " +
      "battery life.",
    priceMinor: 24900,
    currency: SHOP_CURRENCY,
    stock: 34,
    featured: true,
    categorySlug: "audio",
    imagePath: "/products/studio-over-ear-headphones.svg",
    weightGrams: 450,
  },
  {
    slug: "wireless-sport-headphones",
    name: "Wireless Sport Headphones",
    description:
      "Lightweight bluetooth headphones with a secure neckband fit and IPX5 sweat resistance for running " +
      "and gym sessions. Quick charge gives two hours of playback from ten minutes on the cable.",
    priceMinor: 12900,
    currency: SHOP_CURRENCY,
    stock: 58,
    featured: false,
    categorySlug: "audio",
    imagePath: "/products/wireless-sport-headphones.svg",
    weightGrams: 450,
  },
  {
    slug: "travel-noise-cancelling-headphones",
    name: "Travel Noise Cancelling Headphones",
    description:
      "Foldable wireless headphones with hybrid noise cancelling that quiets engine rumble on flights and " +
      "trains. Includes a hard carrying case, an airline adapter and a USB-C cable.",
    priceMinor: 18900,
    currency: SHOP_CURRENCY,
    stock: 3,
    featured: false,
    categorySlug: "audio",
    imagePath: "/products/travel-noise-cancelling-headphones.svg",
    weightGrams: 450,
  },
  {
    slug: "true-wireless-earbuds",
    name: "True Wireless Earbuds",
    description:
      "Compact bluetooth earbuds with noise cancelling, a transparency mode and three sizes of silicone " +
      "tips. The pocket-sized charging case adds 24 hours of listening and supports wireless charging.",
    priceMinor: 8900,
    currency: SHOP_CURRENCY,
    stock: 120,
    featured: true,
    categorySlug: "audio",
    imagePath: "/products/true-wireless-earbuds.svg",
    weightGrams: 80,
  },
  {
    slug: "portable-bluetooth-speaker",
    name: "Portable Bluetooth Speaker",
    description:
      "Waterproof bluetooth speaker with a rugged fabric shell and 12 hours of battery life. Pair two " +
      "units for stereo sound at the beach or in the backyard.",
    priceMinor: 6900,
    currency: SHOP_CURRENCY,
    stock: 47,
    featured: false,
    categorySlug: "audio",
    imagePath: "/products/portable-bluetooth-speaker.svg",
    weightGrams: 450,
  },
  {
    slug: "bookshelf-speaker-pair",
    name: "Bookshelf Speaker Pair",
    description:
      "Powered bookshelf speakers with a built-in amplifier, optical input and bluetooth streaming. Wood " +
      "veneer cabinets and front-facing bass ports suit small living rooms and desks.",
    priceMinor: 34900,
    currency: SHOP_CURRENCY,
    stock: 0,
    featured: false,
    categorySlug: "audio",
    imagePath: "/products/bookshelf-speaker-pair.svg",
    weightGrams: 6000,
  },
  {
    slug: "kids-volume-limited-headphones",
    name: "Kids Volume-Limited Headphones",
    description:
      "Padded on-ear headphones that cap volume at 85 dB to protect young ears. Tangle-free braided cable " +
      "and a bendable headband survive school bags and car trips.",
    priceMinor: 2900,
    currency: SHOP_CURRENCY,
    stock: 76,
    featured: false,
    categorySlug: "audio",
    imagePath: "/products/kids-volume-limited-headphones.svg",
    weightGrams: 450,
  },
  {
    slug: "adjustable-led-desk-lamp",
    name: "Adjustable LED Desk Lamp",
    description:
      "Flicker-free LED desk lamp with five colour temperatures and stepless dimming. The balanced arm " +
      "holds its position and a USB-C port charges your phone.",
    priceMinor: 5900,
    currency: SHOP_CURRENCY,
    stock: 64,
    featured: true,
    categorySlug: "home-office",
    imagePath: "/products/adjustable-led-desk-lamp.svg",
    weightGrams: 1200,
  },
  {
    slug: "ergonomic-mesh-office-chair",
    name: "Ergonomic Mesh Office Chair",
    description:
      "Breathable mesh office chair with adjustable lumbar support, 3D armrests and a synchronised tilt. " +
      "Rated for 8 hours of daily use and backed by a five-year warranty.",
    priceMinor: 32900,
    currency: SHOP_CURRENCY,
    stock: 9,
    featured: false,
    categorySlug: "home-office",
    imagePath: "/products/ergonomic-mesh-office-chair.svg",
    weightGrams: 15000,
  },
  {
    slug: "solid-oak-monitor-stand",
    name: "Solid Oak Monitor Stand",
    description:
      "Raises your monitor to eye level to ease neck strain while creating storage space for a keyboard " +
      "underneath. Made from FSC-certified oak with a hard-wax oil finish.",
    priceMinor: 7900,
    currency: SHOP_CURRENCY,
    stock: 22,
    featured: false,
    categorySlug: "home-office",
    imagePath: "/products/solid-oak-monitor-stand.svg",
    weightGrams: 3500,
  },
  {
    slug: "wool-felt-desk-mat",
    name: "Wool Felt Desk Mat",
    description:
      "A large 90 x 40 cm desk mat in dense merino wool felt that softens typing and protects the desk " +
      "surface. Non-slip cork backing keeps it in place.",
    priceMinor: 3900,
    currency: SHOP_CURRENCY,
    stock: 88,
    featured: false,
    categorySlug: "home-office",
    imagePath: "/products/wool-felt-desk-mat.svg",
    weightGrams: 600,
  },
  {
    slug: "wireless-mechanical-keyboard",
    name: "Wireless Mechanical Keyboard",
    description:
      "Compact 75% mechanical keyboard with hot-swappable tactile switches, bluetooth and a 2.4 GHz " +
      "dongle. Aluminium frame, PBT keycaps and a battery that lasts for weeks.",
    priceMinor: 13900,
    currency: SHOP_CURRENCY,
    stock: 2,
    featured: true,
    categorySlug: "home-office",
    imagePath: "/products/wireless-mechanical-keyboard.svg",
    weightGrams: 1200,
  },
  {
    slug: "cable-management-tray",
    name: "Cable Management Tray",
    description:
      "Under-desk steel tray that hides power strips and chargers out of sight. Screw-mount or clamp " +
      "installation, with no drilling needed for the clamp version.",
    priceMinor: 2400,
    currency: SHOP_CURRENCY,
    stock: 105,
    featured: false,
    categorySlug: "home-office",
    imagePath: "/products/cable-management-tray.svg",
    weightGrams: 1200,
  },
  {
    slug: "magnetic-whiteboard-planner",
    name: "Magnetic Whiteboard Planner",
    description:
      "A frameless glass whiteboard with a printed weekly grid for planning tasks at a glance. Comes with " +
      "four magnets and two fine-tip markers.",
    priceMinor: 4500,
    currency: SHOP_CURRENCY,
    stock: 31,
    featured: false,
    categorySlug: "home-office",
    imagePath: "/products/magnetic-whiteboard-planner.svg",
    weightGrams: 1200,
  },
  {
    slug: "pour-over-coffee-kettle",
    name: "Pour-Over Coffee Kettle",
    description:
      "Gooseneck kettle in brushed stainless steel with a built-in thermometer for a steady, precise pour. " +
      "Works on gas, electric and induction hobs.",
    priceMinor: 6400,
    currency: SHOP_CURRENCY,
    stock: 40,
    featured: true,
    categorySlug: "kitchen",
    imagePath: "/products/pour-over-coffee-kettle.svg",
    weightGrams: 900,
  },
  {
    slug: "ceramic-pour-over-dripper",
    name: "Ceramic Pour-Over Dripper",
    description:
      "Hand-glazed ceramic coffee dripper with spiral ribs for an even extraction. Fits standard cone " +
      "filters and brews one to four cups.",
    priceMinor: 2800,
    currency: SHOP_CURRENCY,
    stock: 73,
    featured: false,
    categorySlug: "kitchen",
    imagePath: "/products/ceramic-pour-over-dripper.svg",
    weightGrams: 900,
  },
  {
    slug: "cast-iron-skillet-26cm",
    name: "Cast Iron Skillet 26cm",
    description:
      "Pre-seasoned cast iron skillet that holds heat for a perfect sear and goes straight from hob to " +
      "oven. Gets better with every use and lasts a lifetime.",
    priceMinor: 4900,
    currency: SHOP_CURRENCY,
    stock: 55,
    featured: false,
    categorySlug: "kitchen",
    imagePath: "/products/cast-iron-skillet-26cm.svg",
    weightGrams: 2800,
  },
  {
    slug: "chefs-knife-20cm",
    name: "Chef's Knife 20cm",
    description:
      "Forged chef's knife in high-carbon stainless steel with a comfortable walnut handle. Sharpened by " +
      "hand to a 15 degree edge for clean, effortless slicing.",
    priceMinor: 8900,
    currency: SHOP_CURRENCY,
    stock: 4,
    featured: true,
    categorySlug: "kitchen",
    imagePath: "/products/chefs-knife-20cm.svg",
    weightGrams: 900,
  },
  {
    slug: "stoneware-mug-set",
    name: "Stoneware Mug Set",
    description: "Set of four 350 ml stoneware mugs with a speckled reactive glaze. Dishwasher and microwave safe.",
    priceMinor: 3600,
    currency: SHOP_CURRENCY,
    stock: 96,
    featured: false,
    categorySlug: "kitchen",
    imagePath: "/products/stoneware-mug-set.svg",
    weightGrams: 1600,
  },
  {
    slug: "end-grain-cutting-board",
    name: "End-Grain Cutting Board",
    description:
      "Thick end-grain walnut board that is gentle on knife edges and hides cut marks. Finished with " +
      "food-safe mineral oil and beeswax.",
    priceMinor: 7400,
    currency: SHOP_CURRENCY,
    stock: 0,
    featured: false,
    categorySlug: "kitchen",
    imagePath: "/products/end-grain-cutting-board.svg",
    weightGrams: 900,
  },
  {
    slug: "trail-backpack-30l",
    name: "Trail Backpack 30L",
    description:
      "A 30 litre hiking backpack with a ventilated back panel, hip-belt pockets and a hydration sleeve. " +
      "Made from recycled ripstop nylon with a built-in rain cover.",
    priceMinor: 11900,
    currency: SHOP_CURRENCY,
    stock: 27,
    featured: true,
    categorySlug: "outdoor",
    imagePath: "/products/trail-backpack-30l.svg",
    weightGrams: 1100,
  },
  {
    slug: "ultralight-two-person-tent",
    name: "Ultralight Two-Person Tent",
    description:
      "Freestanding two-person tent weighing 1.4 kg with two doors and two vestibules. Colour-coded poles " +
      "make pitching quick, even in the dark.",
    priceMinor: 29900,
    currency: SHOP_CURRENCY,
    stock: 6,
    featured: false,
    categorySlug: "outdoor",
    imagePath: "/products/ultralight-two-person-tent.svg",
    weightGrams: 2100,
  },
  {
    slug: "insulated-water-bottle",
    name: "Insulated Water Bottle",
    description:
      "Double-wall vacuum insulated steel bottle that keeps drinks cold for 24 hours or hot for 12. " +
      "Leak-proof lid with a carry loop, 750 ml.",
    priceMinor: 2900,
    currency: SHOP_CURRENCY,
    stock: 118,
    featured: false,
    categorySlug: "outdoor",
    imagePath: "/products/insulated-water-bottle.svg",
    weightGrams: 1100,
  },
  {
    slug: "rechargeable-headlamp",
    name: "Rechargeable Headlamp",
    description:
      "Bright 400 lumen headlamp with a red night mode and a lock to prevent accidental switching on. " +
      "USB-C rechargeable and rain resistant.",
    priceMinor: 3900,
    currency: SHOP_CURRENCY,
    stock: 49,
    featured: false,
    categorySlug: "outdoor",
    imagePath: "/products/rechargeable-headlamp.svg",
    weightGrams: 1100,
  },
  {
    slug: "packable-down-sleeping-bag",
    name: "Packable Down Sleeping Bag",
    description:
      "Three-season sleeping bag filled with responsibly sourced 650-fill down, rated comfortable to 2 " +
      "degrees C. Compresses to the size of a water bottle.",
    priceMinor: 21900,
    currency: SHOP_CURRENCY,
    stock: 12,
    featured: false,
    categorySlug: "outdoor",
    imagePath: "/products/packable-down-sleeping-bag.svg",
    weightGrams: 1100,
  },
  {
    slug: "camp-stove-kit",
    name: "Camp Stove Kit",
    description:
      "Compact canister stove with a 1 litre pot, lid and folding spork that nest together. Boils water in " +
      "about three minutes.",
    priceMinor: 5400,
    currency: SHOP_CURRENCY,
    stock: 1,
    featured: false,
    categorySlug: "outdoor",
    imagePath: "/products/camp-stove-kit.svg",
    weightGrams: 1100,
  },
  {
    slug: "organic-cotton-t-shirt",
    name: "Organic Cotton T-Shirt",
    description:
      "Midweight crew-neck t-shirt in GOTS-certified organic cotton with a relaxed fit. Pre-shrunk, so it " +
      "keeps its shape wash after wash.",
    priceMinor: 2900,
    currency: SHOP_CURRENCY,
    stock: 110,
    featured: true,
    categorySlug: "apparel",
    imagePath: "/products/organic-cotton-t-shirt.svg",
    weightGrams: 400,
  },
  {
    slug: "merino-wool-hoodie",
    name: "Merino Wool Hoodie",
    description:
      "A soft merino wool hoodie that regulates temperature and resists odour on long travel days. Lined " +
      "hood and a hidden zip pocket for your phone.",
    priceMinor: 14900,
    currency: SHOP_CURRENCY,
    stock: 18,
    featured: false,
    categorySlug: "apparel",
    imagePath: "/products/merino-wool-hoodie.svg",
    weightGrams: 400,
  },
  {
    slug: "waterproof-rain-jacket",
    name: "Waterproof Rain Jacket",
    description:
      "Breathable three-layer rain jacket with taped seams, pit zips and an adjustable hood. Packs into " +
      "its own chest pocket.",
    priceMinor: 17900,
    currency: SHOP_CURRENCY,
    stock: 23,
    featured: false,
    categorySlug: "apparel",
    imagePath: "/products/waterproof-rain-jacket.svg",
    weightGrams: 400,
  },
  {
    slug: "everyday-chino-trousers",
    name: "Everyday Chino Trousers",
    description:
      "Slim-straight chinos in stretch cotton twill that look sharp at work and feel comfortable all day. " +
      "Available in navy, olive and stone.",
    priceMinor: 7900,
    currency: SHOP_CURRENCY,
    stock: 44,
    featured: false,
    categorySlug: "apparel",
    imagePath: "/products/everyday-chino-trousers.svg",
    weightGrams: 400,
  },
  {
    slug: "merino-hiking-socks",
    name: "Merino Hiking Socks",
    description:
      "Cushioned merino wool hiking socks with a reinforced heel and toe. Naturally odour resistant and " +
      "comfortable in warm or cold weather.",
    priceMinor: 1900,
    currency: SHOP_CURRENCY,
    stock: 90,
    featured: false,
    categorySlug: "apparel",
    imagePath: "/products/merino-hiking-socks.svg",
    weightGrams: 400,
  },
  {
    slug: "recycled-canvas-cap",
    name: "Recycled Canvas Cap",
    description:
      "Six-panel cap made from recycled cotton canvas with an adjustable brass buckle. A simple everyday " +
      "cap that softens with wear.",
    priceMinor: 900,
    currency: SHOP_CURRENCY,
    stock: 3,
    featured: false,
    categorySlug: "apparel",
    imagePath: "/products/recycled-canvas-cap.svg",
    weightGrams: 400,
  },
];
