import Link from "next/link";

const cards = Array.from({ length: 24 }, (_, index) => ({
  id: index + 1,
  name: `Product ${index + 1}`,
  price: `$${(19 + index * 7).toFixed(2)}`,
}));

/** 24 cards with a heading, an image, a link and a price: about what a catalog page shows, nothing more. */
export default function Page() {
  return (
    <main>
      <h1>Bare Next.js page</h1>
      <ul className="grid">
        {cards.map((card) => (
          <li key={card.id} className="card">
            {/* eslint-disable-next-line @next/next/no-img-element -- a plain image, as the shop uses */}
            <img src="/card.svg" alt="" width={400} height={400} loading={card.id <= 2 ? "eager" : "lazy"} />
            <h2>
              <Link href={`/?card=${card.id}`} prefetch={false}>
                {card.name}
              </Link>
            </h2>
            <p>{card.price}</p>
          </li>
        ))}
      </ul>
    </main>
  );
}
