// natural's top-level entry loads storage back-ends (and prints through
// dotenv); the project imports only the string-distance submodules.
declare module 'natural/lib/natural/distance/jaro-winkler_distance.js' {
  export default function JaroWinklerDistance(s1: string, s2: string, options?: { ignoreCase?: boolean }): number;
}
declare module 'natural/lib/natural/distance/levenshtein_distance.js' {
  export function LevenshteinDistance(source: string, target: string, options?: { insertion_cost?: number; deletion_cost?: number; substitution_cost?: number }): number;
}
