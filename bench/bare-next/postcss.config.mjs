// Plain CSS: keeps the shop's Tailwind set-up (found by looking upwards) out of the bare app.
const config = { plugins: {} };
export default config;
