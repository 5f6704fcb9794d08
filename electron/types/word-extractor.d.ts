// word-extractor ships no types; the part of it the parser worker uses.
declare module 'word-extractor' {
  type ExtractedDocument = { getBody: () => string; getFootnotes: () => string; getHeaders: () => string };
  export default class WordExtractor {
    extract(source: string | Buffer): Promise<ExtractedDocument>;
  }
}
