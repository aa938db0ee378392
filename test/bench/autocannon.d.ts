// Just the part of autocannon's programmatic API the benchmark uses (it ships no types).
declare module 'autocannon' {
  interface RawRequest { method?: string, path?: string, headers?: Record<string, string>, body?: string | Buffer }
  interface Options {
    url: string
    connections?: number
    duration?: number
    timeout?: number
    requests?: Array<RawRequest & { setupRequest?: (req: RawRequest, context: unknown) => RawRequest }>
  }
  interface Histogram { average: number, mean: number, stddev: number, min: number, max: number, p50: number, p90: number, p97_5: number, p99: number }
  export interface Result {
    requests: Histogram & { total: number, sent: number }
    latency: Histogram & { totalCount: number }
    throughput: Histogram & { total: number }
    errors: number
    timeouts: number
    non2xx: number
    duration: number
    '2xx': number
  }
  function autocannon(opts: Options): Promise<Result>
  export default autocannon
}
