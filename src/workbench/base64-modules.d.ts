/** A file imported with `?base64`: its bytes as base64 text (the single-file build's rule). */
declare module "*?base64" {
  const base64: string;
  export default base64;
}
