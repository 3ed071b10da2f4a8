import "./globals.css";

export const metadata = {
  title: "Bare Next.js page",
  description: "A bare Next.js page with 24 cards: the ceiling the storefront's Lighthouse scores are compared with.",
};

export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
