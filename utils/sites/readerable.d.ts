/** Readability's cheap "could this page be an article" check, on its own (the package's index also loads the whole parser). */
declare module '@mozilla/readability/Readability-readerable.js' {
  const isProbablyReaderable: typeof import('@mozilla/readability').isProbablyReaderable;
  export default isProbablyReaderable;
}
