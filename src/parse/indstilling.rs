//! The recommendation: who recommends, to whom, and its "at …" clauses, whether they come as
//! dashes, numbers, `At 1)`, one `at` a line, or all on one line.

use regex::Regex;
use std::sync::LazyLock;

use super::vocab;
use crate::model::Indstilling;

static BY: LazyLock<Regex> = LazyLock::new(|| {
    vocab::re(&format!(
        r"^(?P<by>[^.;:]{{2,90}}?)\s+(?:{})\b",
        vocab::alternation(vocab::RECOMMEND_VERBS)
    ))
});
static INTRO_AT: LazyLock<Regex> = LazyLock::new(|| {
    let verbs: Vec<&str> = vocab::RECOMMEND_VERBS
        .iter()
        .chain(vocab::RECOMMEND_PASSIVES)
        .copied()
        .collect();
    vocab::re(&format!(
        r"(?i)\b(?:{})\b[^,:]*?(?:[,:;]\s*|\s+)(?:at\s*[:;]\s*$|at\s+|at$|:\s*$|,\s*$|$)",
        vocab::alternation(&verbs)
    ))
});
static ENUMERATOR: LazyLock<Regex> = LazyLock::new(|| {
    vocab::re(&format!(
        r"^(?:{}\s*|\(?[0-9]{{1,2}}[.)]\s+|\(?[a-hA-H]\)\s*|[a-h]\.\s+|[Aa]t\s+[0-9]{{1,2}}\)\s*)+",
        vocab::char_class(vocab::BULLETS)
    ))
});
static CLAUSE_SPLIT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i),\s*(?:og\s+|samt\s+)?at\s+|\s+og\s+at\s+").unwrap());
static AT_N: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b[Aa]t\s+[0-9]{1,2}\)\s*").unwrap());
static TO_BODY: LazyLock<Regex> = LazyLock::new(|| {
    vocab::re(&format!(
        r"(?i)\b(?:{})\s+til\s+(?P<to>[^,:]{{3,80}}?)\s*[,:]",
        vocab::alternation(vocab::RECOMMEND_VERBS)
    ))
});
static ADDRESSEE_VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?P<to>[\p{L} ,.\-–]*?)\s*(?:godkender|beslutter|tiltræder|vedtager|anbefaler|drøfter|tager|træffer)\s*[,:]?$").unwrap()
});

/// Parses the text of an `Indstilling` section (its lines in order).
pub fn parse(lines: &[String]) -> Option<Indstilling> {
    let lines: Vec<&str> = lines
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .collect();
    if lines.is_empty() {
        return None;
    }
    let mut by = None;
    let mut to = None;
    let mut clauses: Vec<String> = Vec::new();
    let mut in_list = false;
    let mut last_open = false; // the last clause ends with ':' and takes sub-items
    // the previous line gave a clause that a wrapped line may continue (PDF line breaks)
    // (only after a long line: a short one ended where its author ended it)
    let mut extendable = false;
    let mut prev_len = 0;
    // the kind of enumerator that opened the list (`1.` under `1.`, not `a)` under `1.`)
    let mut list_kind: Option<Enum> = None;
    // an intro ending in `at` with nothing after it: plain sentences are its clauses
    let mut open_at = false;
    for line in &lines {
        let (had_enum, body) = strip_enumerator(line);
        let kind = enum_kind(line);
        if to.is_none()
            && let Some(c) = TO_BODY.captures(body)
            && vocab::is_body_name(&c["to"])
        {
            to = Some(c["to"].trim().to_string());
        }
        let may_continue = std::mem::take(&mut extendable) && prev_len >= 60;
        prev_len = line.chars().count();
        if may_continue
            && !had_enum
            && strip_at(body).is_none()
            && body
                .chars()
                .next()
                .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit())
            && let Some(last) = clauses.last_mut()
            && !last.ends_with(['.', ':', ';'])
        {
            last.push(' ');
            last.push_str(body);
            last_open = last.ends_with(':');
            extendable = true;
            continue;
        }
        let lower = body.to_lowercase();
        if by.is_none()
            && let Some(c) = BY.captures(body)
        {
            let who = c["by"].trim();
            if !who.eq_ignore_ascii_case("det") && who.split_whitespace().count() <= 8 {
                by = Some(who.trim_end_matches(',').to_string());
            }
        }
        if let Some(rest) = strip_at(body) {
            if let Some(addressee) = addressee(rest) {
                to = to.or(addressee);
                in_list = true;
                last_open = false;
                continue;
            }
            // one "at" line is one clause, even when it goes on "…, og at …"
            push_clause(&mut clauses, &mut to, rest.to_string());
            in_list = true;
            last_open = clauses.last().is_some_and(|c| c.ends_with(':'));
            extendable = true;
            continue;
        }
        let recommends =
            lower.contains("indstill") || lower.contains("anbefal") || lower.contains("foreslå");
        let at_n_line = AT_N.find(line).is_some_and(|m| m.start() == 0);
        if (recommends || at_n_line)
            && let Some(first) = AT_N.find(if at_n_line { line } else { body })
        {
            let body = if at_n_line { line } else { body };
            for part in AT_N
                .split(&body[first.start()..])
                .map(str::trim)
                .filter(|p| !p.is_empty())
            {
                clauses.push(part.to_string());
            }
            in_list = at_n_line;
            last_open = false;
            continue;
        }
        if INTRO_AT.is_match(body) && recommends {
            let m = INTRO_AT.find(body).unwrap();
            let tail = body[m.end()..].trim();
            if tail.is_empty() {
                in_list = true;
                last_open = false;
                let intro = m
                    .as_str()
                    .trim_end()
                    .trim_end_matches([':', ';'])
                    .trim_end();
                open_at = intro.to_lowercase().ends_with(" at") || intro.ends_with(",at");
                continue;
            }
            let at_form = m.as_str().trim_end().ends_with("at") || m.as_str().ends_with("at ");
            if m.as_str().trim_end().ends_with([':', ';']) && tail.is_empty() {
                in_list = true;
                continue;
            }
            if at_form {
                let parts = split_clauses(tail);
                let mut first = true;
                for c in parts {
                    if first && let Some(a) = addressee(&c) {
                        to = to.or(a);
                        first = false;
                        continue;
                    }
                    first = false;
                    push_clause(&mut clauses, &mut to, c);
                }
                in_list = true;
                last_open = clauses.last().is_some_and(|c| c.ends_with(':'));
            }
            continue;
        }
        // a new enumerator of the kind that opened the list closes the open clause
        if had_enum && last_open && kind.is_some() && kind == list_kind {
            last_open = false;
        }
        if had_enum && last_open {
            if let Some(last) = clauses.last_mut() {
                last.push(' ');
                last.push_str(body);
            }
            continue;
        }
        if had_enum && in_list {
            if !last_open {
                list_kind = list_kind.or(kind);
            }
            clauses.push(body.to_string());
            last_open = body.ends_with(':');
            extendable = true;
            continue;
        }
        if last_open && body.len() < 60 {
            // a group label between the sub-items of an open clause
            if let Some(last) = clauses.last_mut() {
                last.push(' ');
                last.push_str(body);
            }
            continue;
        }
        if open_at && !had_enum && !recommends && body.chars().count() <= 400 {
            // `X indstiller, at` / `Pilottesten gennemføres …` / `Budgettet godkendes.`
            clauses.push(body.to_string());
            extendable = true;
            continue;
        }
        in_list = false;
        last_open = false;
        open_at = false;
    }
    let text = lines.join("\n");
    Some(Indstilling {
        by,
        to,
        text,
        clauses,
    })
}

/// The kinds of enumerator a list uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Enum {
    Number,
    Letter,
    Bullet,
}

/// The kind of the first enumerator on a line.
fn enum_kind(line: &str) -> Option<Enum> {
    let t = line.trim_start().trim_start_matches('(');
    let t = t
        .strip_prefix("at ")
        .or_else(|| t.strip_prefix("At "))
        .unwrap_or(t);
    let first = t.chars().next()?;
    if vocab::BULLETS.contains(&first) {
        Some(Enum::Bullet)
    } else if first.is_ascii_digit() {
        Some(Enum::Number)
    } else if first.is_alphabetic() && t[first.len_utf8()..].starts_with([')', '.']) {
        Some(Enum::Letter)
    } else {
        None
    }
}

fn strip_enumerator(line: &str) -> (bool, &str) {
    match ENUMERATOR.find(line) {
        Some(m) if m.end() < line.len() => (true, line[m.end()..].trim()),
        _ => (false, line),
    }
}

/// The clause text after a leading "at".
fn strip_at(s: &str) -> Option<&str> {
    let lower = s.get(..3)?.to_lowercase();
    (lower == "at " && s.len() > 3).then(|| s[3..].trim())
}

fn split_clauses(s: &str) -> Vec<String> {
    CLAUSE_SPLIT
        .split(s)
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

/// `Direktionen`, `byrådet godkender,`, `godkender` alone: the addressee of the clauses, not a
/// clause. Returns the body named, if any.
fn addressee(s: &str) -> Option<Option<String>> {
    let t = s.trim().trim_end_matches([',', ':']).trim();
    if vocab::is_body_name(t) && t.split_whitespace().count() <= 6 {
        return Some(Some(t.to_string()));
    }
    let c = ADDRESSEE_VERB.captures(s.trim())?;
    // at most 80 characters (a bounded repetition of a letter class is costly to compile)
    if c["to"].chars().count() > 80 {
        return None;
    }
    let to = c["to"].trim().trim_end_matches(',').trim();
    if to.is_empty() {
        Some(None)
    } else if vocab::is_body_name(to) {
        Some(Some(to.to_string()))
    } else {
        None
    }
}

fn push_clause(clauses: &mut Vec<String>, to: &mut Option<String>, c: String) {
    if clauses.is_empty()
        && let Some(a) = addressee(&c)
    {
        if to.is_none() {
            *to = a;
        }
        return;
    }
    clauses.push(c);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Indstilling {
        parse(&s.lines().map(String::from).collect::<Vec<_>>()).unwrap()
    }

    #[test]
    fn wrapped_clauses_are_joined() {
        let l: Vec<String> = [
            "Centret indstiller,",
            "• at kommunen fremsender den vedtagne politik for 2019-2022, som plan",
            "for 2023, til rådet.",
            "• at kommunen viderefører målene.",
            "Det er vigtigt.",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let i = parse(&l).unwrap();
        assert_eq!(
            i.clauses,
            [
                "kommunen fremsender den vedtagne politik for 2019-2022, som plan for 2023, til rådet.",
                "kommunen viderefører målene."
            ]
        );
    }

    #[test]
    fn dashes_after_addressee() {
        let i = p(
            "BYC indstiller, at Direktionen\n\n- Drøfter statusnotaterne\n- Med udgangspunkt i porteføljelisten drøfter og godkender de nye projektmandater.\n\nProjektmandat vedr. Sundhedspolitik er godkendt.",
        );
        assert_eq!(i.by.as_deref(), Some("BYC"));
        assert_eq!(i.to.as_deref(), Some("Direktionen"));
        assert_eq!(i.clauses.len(), 2);
        assert_eq!(i.clauses[0], "Drøfter statusnotaterne");
    }

    #[test]
    fn all_on_one_line_after_addressee_clause() {
        let i = p(
            "Borgmesterens Forvaltning indstiller efter drøftelse i Den udvidede Magistrat, at godkender, at kataloget benævnes X, at hvert udvalg udarbejder forslag, at Direktørgruppen arbejder videre, og at der søges reserveret en ramme.",
        );
        assert_eq!(i.by.as_deref(), Some("Borgmesterens Forvaltning"));
        assert_eq!(i.clauses.len(), 4, "{:?}", i.clauses);
        assert_eq!(i.clauses[1], "hvert udvalg udarbejder forslag");
    }

    #[test]
    fn at_lines_and_numbered() {
        let i = p(
            "Administrationen indstiller,\n- at Greve Kommune fremsender planen.\n- at resultatmål videreføres.",
        );
        assert_eq!(
            i.clauses,
            vec![
                "Greve Kommune fremsender planen.",
                "resultatmål videreføres."
            ]
        );
        let i = p("Det indstilles: At 1) planen godkendes At 2) budgettet frigives");
        assert_eq!(i.clauses, vec!["planen godkendes", "budgettet frigives"]);
        let i =
            p("Direktøren indstiller, at\n1. udvalget drøfter sagen\n2. udvalget godkender planen");
        assert_eq!(
            i.clauses,
            vec!["udvalget drøfter sagen", "udvalget godkender planen"]
        );
        let i = p(
            "Økonomiudvalget indstiller, at byrådet godkender,\nat anlægsbevilling gives\nat beløbet finansieres af kassen",
        );
        assert_eq!(i.to.as_deref(), Some("byrådet"));
        assert_eq!(i.clauses.len(), 2);
    }

    #[test]
    fn one_clause_on_the_intro_line() {
        let i = p("Administrationen indstiller, at dagsordenen godkendes.");
        assert_eq!(i.clauses, vec!["dagsordenen godkendes."]);
        let i = p(
            "Det indstilles, at forslaget tiltrædes.\n\nDet indstilles endvidere, at kælderdepotet bringes i anvendelse som lager.",
        );
        assert_eq!(i.clauses.len(), 2);
    }

    #[test]
    fn numbered_lines_after_an_at_colon_intro() {
        let i = p(
            "Administrationen indstiller, at:\n\n1. Der gives en anlægsbevilling på 2,5 mio. kr.\n2. Der sker en reperiodisering af besparelsen",
        );
        assert_eq!(i.clauses.len(), 2);
        assert!(i.clauses[0].starts_with("Der gives"));
    }

    #[test]
    fn an_at_line_stays_one_clause_and_its_items_follow() {
        let i = p(
            "Administrationen indstiller,\n- at indsatsen fortsætter, og at planen justeres\na. kontrakten forlænges\nb. der afholdes et møde",
        );
        assert_eq!(
            i.clauses,
            vec![
                "indsatsen fortsætter, og at planen justeres",
                "kontrakten forlænges",
                "der afholdes et møde"
            ]
        );
    }

    #[test]
    fn sub_items_join_their_clause() {
        let i = p(
            "ØDC indstiller, at direktionen\n1. drøfter puljerne.\n2. midlerne disponeres til:\nUdviklingspulje\n- 1) Julegaver\n- 2) Personaledag",
        );
        assert_eq!(i.clauses.len(), 2);
        assert!(i.clauses[1].contains("Julegaver") && i.clauses[1].contains("Personaledag"));
    }

    #[test]
    fn at_n_lines_in_any_case() {
        // FirstAgenda web page (Aarhus): `Det indstilles:` / `At 1) Byrådet …`
        let i = p(
            "Det indstilles:\nAt 1) Byrådet drøfter og godkender eventuelle ændringer til budgetforslaget 2026.\nAt 2) Budgettet offentliggøres.",
        );
        assert_eq!(
            i.clauses,
            [
                "Byrådet drøfter og godkender eventuelle ændringer til budgetforslaget 2026.",
                "Budgettet offentliggøres."
            ]
        );
    }

    #[test]
    fn plain_sentences_after_an_open_at_are_clauses() {
        // SBSYS publication (Ballerup): no enumerator and no `at` on the clause lines
        let i = p(
            "Center for IT og Digitalisering indstiller, at\n\nGennemførelse af pilottest for KMB IT-udvalgets medlemmer godkendes.\n\nPilottesten gennemføres fra september til november 2013.",
        );
        assert_eq!(
            i.clauses,
            [
                "Gennemførelse af pilottest for KMB IT-udvalgets medlemmer godkendes.",
                "Pilottesten gennemføres fra september til november 2013."
            ]
        );
        let i = p("Administrationen indstiller,\nDette er baggrunden.");
        assert!(i.clauses.is_empty(), "{:?}", i.clauses);
    }

    #[test]
    fn a_top_level_number_closes_the_open_clause() {
        let i = p(
            "Administrationen indstiller, at\n1. følgende skoler godkendes:\na) Skole A\nb) Skole B\n2. sagen oversendes til Byrådet.",
        );
        assert_eq!(
            i.clauses,
            [
                "følgende skoler godkendes: Skole A Skole B",
                "sagen oversendes til Byrådet."
            ]
        );
    }

    #[test]
    fn the_addressee_after_indstiller_til() {
        let i = p("Forvaltningen indstiller til Økonomiudvalget, at planen godkendes.");
        assert_eq!(i.to.as_deref(), Some("Økonomiudvalget"));
        assert_eq!(i.clauses, ["planen godkendes."]);
    }
}
