// Chinese text as people type it, from text as programs wrote it. PDF makers often name a glyph by
// the first code point the font lists for it, and fonts list the Kangxi radical beside the ideograph
// it looks like: 人 comes out as ⼈ (U+2F08), 用 as ⽤ (U+2F64), 理 as 理 (U+F9E4, a compatibility
// ideograph). They look the same and are different characters: a search for 个人 never finds 个⼈.
// Full-width letters and digits (２０１９, ＧＤＰ) are the same words as 2019 and GDP.
//
// NFKC maps all of these to their ordinary forms, but applied to a whole text it also changes what
// Chinese prose needs as written: ，。：；！？（） would become , . : ; ! ? ( ), ① would become 1, the
// ideographic space an ASCII one. So only these characters go through NFKC, one by one:
// - CJK Radicals Supplement (U+2E80–U+2EFF) and Kangxi Radicals (U+2F00–U+2FDF);
// - CJK Compatibility Ideographs (U+F900–U+FAFF) and their supplement (U+2F800–U+2FA1F);
// - full-width digits and Latin letters (U+FF10–U+FF19, U+FF21–U+FF3A, U+FF41–U+FF5A).
// A character among them that NFKC leaves alone (most of the radicals supplement) stays as it is.
const folded = /[\u2e80-\u2fdf\uf900-\ufaff\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u{2f800}-\u{2fa1f}]/gu;

// Each character's form, worked out once: a PDF's text repeats its few odd characters thousands of
// times, and the ranges above hold under two thousand.
const forms = new Map<string, string>();
const formOf = (char: string) => {
  let form = forms.get(char);
  if (form === undefined) {
    form = char.normalize('NFKC');
    forms.set(char, form);
  }
  return form;
};

export const ordinaryForms = (text: string): string => text.replace(folded, formOf);
