/**
 * V8 limits for the process that imports a catalog file (`npm run
 * catalog:import`, and the benchmark that measures it). The import streams
 * the file and keeps about 70 MB alive for 100,000 rows; with V8's defaults on
 * a large machine (a young generation of tens of MB and a heap limit of
 * gigabytes) garbage piles up to over 500 MiB of resident memory before it is
 * collected. These limits keep the peak under the 300 MiB budget for a few
 * percent of speed. package.json's `catalog:import` script passes the same flags.
 */
export const CATALOG_IMPORT_NODE_FLAGS = ["--max-semi-space-size=2", "--max-old-space-size=192"];
