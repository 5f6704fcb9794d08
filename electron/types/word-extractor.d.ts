// word-extractor ships no types; the part of it the parser worker uses.
declare module 'word-extractor' {
  type ExtractedDocument = { getBody: () => string; getFootnotes: () => string; getHeaders: () => string };
  // eslint-disable-next-line no-restricted-syntax -- describes the library's own default export
  export default class WordExtractor {
    extract(source: string | Buffer): Promise<ExtractedDocument>;
  }
}
