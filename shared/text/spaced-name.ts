// The full-width space (全角空格) of Chinese documents: between the two characters of a short name,
// between a unit and a position on one line.
export const ideographicSpace = '\u3000';

// The way offices print names on 桌签, 胸牌 and 座次表: a two-character name with a full-width space
// between its characters (王　芳), so that it takes the width of a three-character one (张建国) and
// the two look balanced side by side. Longer names (司马云飞) and names not in Chinese stay as they are.
const han = /^\p{Script=Han}$/u;
export const spacedName = (name: string): string => {
  const chars = [...name.trim()];
  return chars.length === 2 && chars.every((c) => han.test(c)) ? chars.join(ideographicSpace) : name.trim();
};
