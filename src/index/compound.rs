//! Danish compounds taken apart (`klimahandlingsplan` → klima, handling, plan), so a search for
//! a part finds the compounds that contain it. The parts come from the Danish word list in
//! `data/da-words.txt` (the stems of hunspell-da, see `data/README.md`), joined as Danish joins
//! them: directly or with a linking `s` or `e` (`anlæg-s-bevilling`, `pig-e-garde`).

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::parse::vocab;

/// The shortest part a compound is split into (`bus`, `vej`, `råd`).
const MIN_PART: usize = 3;
/// The shortest word worth splitting (two shortest parts).
const MIN_WORD: usize = 2 * MIN_PART;
/// Words longer than this (in characters) are not split: no Danish compound needs it, and the
/// search for a split grows with the square of the length.
const MAX_WORD: usize = 40;
/// The linking letters Danish puts between the parts of a compound.
const LINKS: &[&str] = &["", "s", "e"];
/// Split words a thread remembers before it forgets them all (a bound on memory).
const CACHE: usize = 100_000;

static WORDS: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../../data/da-words.txt")
        .lines()
        .map(str::trim)
        .filter(|w| w.chars().count() >= MIN_PART)
        .filter(|w| !vocab::STOP_WORDS.contains(w) && !vocab::QUESTION_WORDS.contains(w))
        .collect()
});

/// The stems of the word list: a compound's last part may be inflected (`bus-nettet`).
static STEMS: LazyLock<FxHashSet<String>> =
    LazyLock::new(|| WORDS.iter().map(|w| stem(w)).collect());

thread_local! {
    static STEMMER: frostem::Stemmer = frostem::Stemmer::new(frostem::Algorithm::Danish);
    static SPLITS: RefCell<FxHashMap<String, Rc<[String]>>> = RefCell::new(FxHashMap::default());
    static HEADS: RefCell<FxHashMap<String, Option<String>>> = RefCell::new(FxHashMap::default());
    static STEMMED: RefCell<FxHashMap<String, String>> = RefCell::new(FxHashMap::default());
}

/// Puts a word's answer in a thread's cache, forgetting them all when the cache is full.
fn remember<V>(cache: &RefCell<FxHashMap<String, V>>, word: &str, value: V) {
    let mut c = cache.borrow_mut();
    if c.len() >= CACHE {
        c.clear();
    }
    c.insert(word.to_string(), value);
}

/// The Danish Snowball stem of a lower-case word, with the plural `-re` made to agree with its
/// singular (`plejecentre` and `plejecenter` → `plejecent`).
pub fn stem(word: &str) -> String {
    // Zipf: most words of a text were stemmed before, and a lookup is cheaper than Snowball
    if let Some(known) = STEMMED.with(|c| c.borrow().get(word).cloned()) {
        return known;
    }
    let s = stem_uncached(word);
    STEMMED.with(|c| remember(c, word, s.clone()));
    s
}

fn stem_uncached(word: &str) -> String {
    let mut s = STEMMER.with(|st| st.stem(word).into_owned());
    let mut last = s.chars().rev();
    let consonant_r = last.next() == Some('r')
        && last.next().is_some_and(|c| !"aeiouyæøåjr".contains(c))
        && last.nth(1).is_some()
        && !vocab::KEEPS_FINAL_R.contains(&s.as_str());
    if consonant_r {
        s.pop();
    }
    s
}

/// The parts of a lower-case compound and the compounds inside it, as stems
/// (`havvindmølleparken` → hav, vind, mølle, park, havvind, vindmølle, møllepark, …): every run of
/// consecutive parts but the whole word, so a search for any of them finds the compound.
/// Empty for a word that is not a compound of listed words.
pub fn part_stems(word: &str) -> Rc<[String]> {
    let n = word.chars().count();
    if !(MIN_WORD..=MAX_WORD).contains(&n) || !word.chars().all(char::is_alphabetic) {
        return Rc::from([]);
    }
    if let Some(known) = SPLITS.with(|c| c.borrow().get(word).cloned()) {
        return known;
    }
    let chars: Vec<char> = word.chars().collect();
    let spans = finest(&chars);
    let mut stems = Vec::new();
    for a in 0..spans.len() {
        for b in a..spans.len() {
            if a == 0 && b + 1 == spans.len() {
                continue;
            }
            let run: String = chars[spans[a].0..spans[b].1].iter().collect();
            let s = stem(&run);
            if !stems.contains(&s) {
                stems.push(s);
            }
        }
    }
    let found: Rc<[String]> = Rc::from(stems);
    SPLITS.with(|c| remember(c, word, found.clone()));
    found
}

/// The last part of a compound (`miljøudvalget` → `udvalget`), the word a coordination such as
/// `Klima-, Teknik- og Miljøudvalget` leaves out of its first members.
pub fn head(word: &str) -> Option<String> {
    if let Some(known) = HEADS.with(|c| c.borrow().get(word).cloned()) {
        return known;
    }
    let chars: Vec<char> = word.chars().collect();
    let found = (MIN_WORD..=MAX_WORD)
        .contains(&chars.len())
        .then(|| best_split(&chars, MIN_PART))
        .flatten()
        .and_then(|parts| parts.last().copied())
        .map(|(from, to)| chars[from..to].iter().collect::<String>());
    HEADS.with(|c| remember(c, word, found.clone()));
    found
}

/// The parts of a word as spans of its characters: the fewest parts, then each part that is
/// itself a listed compound split again, and again, into parts of at least four letters
/// (`vind-mølle`, not `møl-ler`); an inflected last part is split by its stem
/// (`vindmøllepark-en`). Empty when the word is no compound.
fn finest(chars: &[char]) -> Vec<(usize, usize)> {
    let Some(top) = best_split(chars, MIN_PART) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (from, to) in top {
        refine(chars, from, to, &mut out);
    }
    out
}

fn refine(chars: &[char], from: usize, to: usize, out: &mut Vec<(usize, usize)>) {
    let part: String = chars[from..to].iter().collect();
    let listed = if WORDS.contains(part.as_str()) {
        Some(part.chars().collect::<Vec<char>>())
    } else {
        let s = stem(&part);
        let prefix = part.starts_with(&s) && WORDS.contains(s.as_str());
        prefix.then(|| s.chars().collect())
    };
    let Some(inner) = listed.and_then(|p| best_split(&p, MIN_PART + 1)) else {
        out.push((from, to));
        return;
    };
    let last = inner.len() - 1;
    for (i, (a, b)) in inner.into_iter().enumerate() {
        let b = if i == last { to - from } else { b };
        refine(chars, from + a, from + b, out);
    }
}

/// A split: its number of parts, its number of linking letters, its parts as spans.
type Split = (usize, usize, Vec<(usize, usize)>);

/// The split of `chars` into the fewest parts of at least `min` letters, then with the fewest
/// linking letters (`pige-garde`, not `pig-e-garde`), as spans without the linking letters; at
/// least two parts.
fn best_split(chars: &[char], min: usize) -> Option<Vec<(usize, usize)>> {
    let n = chars.len();
    let word: String = chars.iter().collect();
    // the byte offset of each character, so parts are slices of `word`, not new strings
    let mut at: Vec<usize> = word.char_indices().map(|(i, _)| i).collect();
    at.push(word.len());
    let text = |a: usize, b: usize| &word[at[a]..at[b]];
    // best[i]: the best split of chars[i..] as (parts, links, spans), or None
    let mut best: Vec<Option<Split>> = vec![None; n + 1];
    for i in (0..n).rev() {
        let mut here = (n - i >= min && i > 0 && is_last_part(text(i, n)))
            .then(|| (1usize, 0usize, vec![(i, n)]));
        for j in i + min..=n.saturating_sub(min) {
            if !WORDS.contains(text(i, j)) {
                continue;
            }
            for link in LINKS {
                let k = j + link.chars().count();
                if k + min > n || text(j, k) != *link {
                    continue;
                }
                let Some((parts, links, tail)) = &best[k] else {
                    continue;
                };
                let candidate = (parts + 1, links + usize::from(!link.is_empty()));
                let better = match &here {
                    None => true,
                    Some((p, l, _)) => candidate < (*p, *l),
                };
                if better {
                    let mut all = vec![(i, j)];
                    all.extend(tail.iter().copied());
                    here = Some((candidate.0, candidate.1, all));
                }
            }
        }
        best[i] = here;
    }
    best[0]
        .take()
        .map(|(_, _, spans)| spans)
        .filter(|p| p.len() >= 2)
}

/// A compound's last part may be any inflection of a listed word.
fn is_last_part(part: &str) -> bool {
    WORDS.contains(part) || STEMS.contains(&stem(part))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has(word: &str, part: &str) -> bool {
        part_stems(word).contains(&stem(part))
    }

    #[test]
    fn compounds_come_apart_at_their_joints() {
        assert!(has("anlægsbevilling", "anlæg") && has("anlægsbevilling", "bevilling"));
        for part in [
            "klima",
            "handling",
            "plan",
            "handlingsplan",
            "klimahandling",
        ] {
            assert!(has("klimahandlingsplanen", part), "{part}");
        }
        for part in ["hav", "vind", "mølle", "park", "vindmølle", "vindmøller"] {
            assert!(has("havvindmølleparken", part), "{part}");
        }
        assert!(has("busnettet", "bus") && has("busnettet", "net"));
        let pigegarde: Vec<char> = "pigegarde".chars().collect();
        assert_eq!(
            finest(&pigegarde),
            [(0, 4), (4, 9)],
            "pige-garde, not pig-e-garde"
        );
        assert!(!has("vindmøller", "ler"), "{:?}", part_stems("vindmøller"));
        assert_eq!(head("miljøudvalget").as_deref(), Some("udvalget"));
    }

    #[test]
    fn simple_words_stay_whole() {
        for w in [
            "kommune",
            "bevilling",
            "tilbud",
            "ledelse",
            "bus",
            "budgetopfølgning2",
        ] {
            assert!(part_stems(w).is_empty(), "{w}: {:?}", part_stems(w));
        }
    }

    #[test]
    fn plural_stems_agree_with_their_singular() {
        assert_eq!(stem("plejecentre"), stem("plejecenter"));
        assert_eq!(stem("centrene"), stem("center"));
        assert_eq!(stem("teatre"), stem("teater"));
        assert_ne!(stem("vejr"), stem("vej"));
    }
}
