//! Outcomes, dissent and votes of real decisions, read in place from the development set
//! beside the checkout (`../shared/dev-eval/outcomes*.jsonl`, never copied here): each text is
//! printed as a one-item referat with a decision header, as `score_outcomes.py` does, and run
//! through the whole parser. One decision per rule family, chosen by what its text says (a
//! phrase of the family), so a family that stops working names itself. Skipped, with a note,
//! when the development set is absent.

use std::path::PathBuf;

use referat::model::{Format, Outcome};
use referat::read::SourceFile;

use crate::support;

fn gold(file: &str) -> Option<Vec<serde_json::Value>> {
    let path = support::root()
        .join("..")
        .join("shared")
        .join("dev-eval")
        .join(file);
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: no development set at {}", path.display());
        return None;
    };
    Some(
        text.lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| serde_json::from_str(l).unwrap())
            .collect(),
    )
}

/// The decision of `g` as the parser reads it from a one-item referat.
fn decision(g: &serde_json::Value) -> referat::model::Beslutning {
    let body = g["body"].as_str().unwrap_or("Byrådet");
    let date = g["date"].as_str().unwrap();
    let (y, m, d) = (&date[..4], &date[5..7], &date[8..10]);
    let text = format!(
        "Referat\n{body}\nden {d}-{m}-{y} kl. 18:00\n\nPunkt 1: Sag\nSagsnr.: 00.00.00-A00-1-00\n\nIndstilling\nAdministrationen indstiller, at indstillingen godkendes.\n\nBeslutning i {body} den {d}-{m}-{y}\n{}\n",
        g["text"].as_str().unwrap().trim()
    );
    let file = SourceFile {
        path: PathBuf::from("decision.txt"),
        bytes: text.into_bytes(),
        format: Format::Text,
    };
    let doc = referat::pipeline::parse(&file).unwrap().document;
    let p = doc
        .punkter
        .into_iter()
        .find(|p| p.number == "1")
        .expect("punkt 1");
    // one decision header, one decision: an inner header of the same body and date opens none
    assert_eq!(p.beslutninger.len(), 1, "{:?}", p.beslutninger);
    p.beslutninger.into_iter().next().unwrap()
}

/// The first decision in `file` whose text contains `phrase` (case-insensitive).
fn with_phrase<'a>(all: &'a [serde_json::Value], phrase: &str) -> &'a serde_json::Value {
    all.iter()
        .find(|g| g["text"].as_str().unwrap().to_lowercase().contains(phrase))
        .unwrap_or_else(|| panic!("no decision says {phrase:?}"))
}

fn outcome_of(g: &serde_json::Value) -> Outcome {
    serde_json::from_value(g["outcome"].clone()).unwrap()
}

#[test]
fn each_outcome_family_reads_a_real_decision() {
    let Some(aarhus) = gold("outcomes-aarhus.jsonl") else {
        return;
    };
    let Some(kk) = gold("outcomes-kk.jsonl") else {
        return;
    };
    let cases: [(&[serde_json::Value], &str); 14] = [
        // routing wrapper, inner clause decides; up to the council = endorsement
        (
            &aarhus,
            "har vedtaget magistratens foranstående indstilling",
        ),
        (&aarhus, "har vedtaget ikke at godkende"),
        (&aarhus, "har vedtaget at tiltræde"),
        (&aarhus, "som magistraten kan henholde sig til"),
        // modal endorsement by a preparing body
        (&aarhus, "udvalget kan enstemmigt tiltræde indstillingen."),
        // henholde sig til a statement / an account
        (&aarhus, "henholdt sig til magistratens erklæring"),
        (&aarhus, "til en skriftlig redegørelse"),
        // verb forms and registers
        (&aarhus, "sagen udsattes"),
        (&aarhus, "ansøgningen imødekommet"),
        (&aarhus, "fastholdt afslaget"),
        (&aarhus, "forslaget bortfaldt"),
        // a mention is no referral
        (&aarhus, "der henvises til fælleserklæringen"),
        // an inner header of the same body and date: what follows it decides (the preamble
        // before it is a foretræde)
        (
            &kk,
            "havde foretræde i forbindelse med behandlingen af punktet",
        ),
        // an enumerated decision beats an orientation in another clause
        (&kk, "2. lokaludvalget besluttede, at der ikke udpeges"),
    ];
    for (set, phrase) in cases {
        let g = with_phrase(set, phrase);
        assert_eq!(decision(g).outcome, Some(outcome_of(g)), "{phrase}");
    }
}

#[test]
fn each_dissent_and_vote_form_reads_a_real_decision() {
    let Some(aarhus) = gold("outcomes-aarhus.jsonl") else {
        return;
    };
    let Some(kk) = gold("outcomes-kk.jsonl") else {
        return;
    };
    let cases: [(&[serde_json::Value], &str); 8] = [
        (
            &aarhus,
            "socialistisk folkepartis byrådsgruppe kunne ikke tiltræde",
        ),
        (&aarhus, "et mindretal, bestående af"),
        (&aarhus, "med 14 stemmer mod 6"),
        (&aarhus, "herfor stemte 14 mens 12"),
        (&aarhus, "var af den modsatte opfattelse"),
        (&kk, "alle tilstedeværende med undtagelse af"),
        (&kk, "for stemte 8 medlemmer"),
        (&kk, "alternativet afgav følgende protokolbemærkning:"),
    ];
    for (set, phrase) in cases {
        let g = with_phrase(set, phrase);
        let b = decision(g);
        assert_eq!(
            !b.dissents.is_empty(),
            g["dissent"].as_bool().unwrap(),
            "{phrase}: {:?}",
            b.dissents
        );
        if let Some(v) = g["votes"].as_object() {
            let got = b.votes.unwrap_or_else(|| panic!("{phrase}: no votes"));
            let n = |k: &str| v[k].as_u64().map(|x| x as u32);
            assert_eq!(
                (got.for_, got.against, got.abstain),
                (n("for"), n("against"), n("abstain")),
                "{phrase}"
            );
        }
    }
}
