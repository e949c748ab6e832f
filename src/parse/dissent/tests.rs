//! Dissent and votes in their forms, on short real excerpts.

use super::*;

#[test]
fn party_remarks_on_their_own_lines_are_dissent() {
    let t = "Med stemmerne 17 for og 2 imod godkendte Byrådet indstillingen.\nFor stemte: (A) og (V).\nImod stemte:\n(F) med bemærkning om, at opgaven er for snæver.";
    let d = dissents(t);
    assert!(d.iter().any(|d| d.party.as_deref() == Some("F")), "{d:?}");
    assert!(dissents("Udvalget mener, at placeringen er forkert og er imod dette.").is_empty());
}

#[test]
fn votes_against_are_dissent() {
    let t = "Med stemmerne 15 for og 3 imod godkendte Byrådet indstillingen. For stemte (A) og (V). Imod stemte (Ø) med bemærkning om økonomien.";
    let (d, v) = dissents_and_votes(t);
    assert_eq!(v.unwrap().against, Some(3));
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].party.as_deref(), Some("Ø"));
    let (d, _) =
        dissents_and_votes("Med stemmerne 20 for og 1 imod godkendte Byrådet indstillingen.");
    assert_eq!(
        d.len(),
        1,
        "a counted vote against is a dissent even when nobody is named"
    );
    let (d, _) = dissents_and_votes("Anbefales. Undlod: Ø");
    assert_eq!(d[0].who.as_deref(), Some("Ø"));
}

#[test]
fn member_refusal_is_dissent_not_rejection() {
    let t = "Godkendt. Lasse P. N. Olsen kan ikke godkende 2. \"at\", idet spareforslag for 133 mio. kr. ikke kan undgå at medføre serviceforringelser.";
    let d = dissents(t);
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].who.as_deref(), Some("Lasse P. N. Olsen"));
    assert_eq!(d[0].clauses, vec![2]);
}

#[test]
fn dissent_forms() {
    assert_eq!(
        dissents("Anbefales. Liste B stemte imod.")[0]
            .who
            .as_deref(),
        Some("Liste B")
    );
    let d = dissents("Godkendt. Jesper Mathiesen (A) ønskede sin stemme ført til protokols.");
    assert_eq!(d[0].party.as_deref(), Some("A"));
    assert_eq!(d[0].who.as_deref(), Some("Jesper Mathiesen"));
    assert_eq!(dissents("For: 20 (A, V) Imod: Ø").len(), 1);
    assert!(dissents("Udvalget kan ikke godkende indstillingen.").is_empty());
    assert!(dissents("Godkendt.\nAfbud: Anne Hansen").is_empty());
}

#[test]
fn vote_counts() {
    let v = votes("Med stemmerne 18 for og 2 imod godkendte Byrådet indstillingen.").unwrap();
    assert_eq!((v.for_, v.against), (Some(18), Some(2)));
    let v = votes("For: 20 (A, V, C)\nImod: 6 (Ø, F)").unwrap();
    assert_eq!((v.for_, v.against), (Some(20), Some(6)));
    assert!(votes("Godkendt.").is_none());
}

#[test]
fn minorities_are_named_by_group_noun_or_as_minority() {
    let cases = [
        "Socialistisk Folkepartis byrådsgruppe kunne ikke tiltræde indstillingen.",
        "Et mindretal, bestående af Dorthe Laustsen og Lone Andersen, kunne ikke tirlde indstillingen.",
        "Socialistisk Folkeparti fastholder sin mindretalsudtalelse.",
        "Den Konservative byrådsgruppe ønskede tilført protokollen, at den ønskede huslejenævnene nedlagt.",
        "Socialistisk Folkepartis byrådsgruppe henholdt sig til det oprindelige forslag.",
        "Det Konservative Folkeparti kunne ikke tiltræde redegørelsen.",
        "(F) udlod at tage stilling.",
        "Alle tilstedeværende med undtagelse af Steen Reinholdt Jeppson stemte for ændringsforslaget.",
    ];
    for t in cases {
        assert_eq!(dissents(t).len(), 1, "{t}");
    }
    assert_eq!(
        dissents(cases[1])[0].who.as_deref(),
        Some("Dorthe Laustsen og Lone Andersen")
    );
}

#[test]
fn a_majority_is_the_body_and_a_contrary_opinion_its_minority() {
    let t = "Udvalgets flertal, bestående af Margrethe Bogner og Brian Korsgaard, kunne ikke tiltræde indstillingen fra magistraten.";
    assert!(dissents(t).is_empty(), "the majority speaks for the body");
    let t = "Et flertal i udvalget, bestående af Peter Thyssen og Jørgen Skov, fandt, at indstillingen var faldet bort. Søren Egge Rasmussen fandt ikke, at indstillingen var faldet bort.";
    let d = dissents(t);
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].who.as_deref(), Some("Søren Egge Rasmussen"));
    assert!(dissents("Udvalget fandt ikke, at sagen gav anledning til bemærkninger.").is_empty());
    assert!(dissents("Ingen medlemmer undlod at stemme.").is_empty());
}

#[test]
fn a_protocol_remark_is_a_dissent_only_with_content() {
    let empty = "Indstillingen blev godkendt uden afstemning.\nAlternativet afgav følgende protokolbemærkning:";
    assert!(dissents(empty).is_empty());
    let full = "Indstillingen blev godkendt uden afstemning.\nAlternativet afgav følgende protokolbemærkning:\n”Vi mener, at forslaget er for dyrt.”";
    assert_eq!(dissents(full).len(), 1);
}

#[test]
fn counted_votes_in_every_form() {
    let v = votes(
        "Forslaget blev forkastet i byrådets møde den 5. november 1997 med 14 stemmer mod 6.",
    )
    .unwrap();
    assert_eq!(
        (v.for_, v.against),
        (Some(6), Some(14)),
        "after a rejection the first count is against"
    );
    let v = votes(
        "Ansøgningen imødekommet med 15 stemmer mod 12 mens 1 hverken stemte for eller imod.",
    )
    .unwrap();
    assert_eq!(
        (v.for_, v.against, v.abstain),
        (Some(15), Some(12), Some(1))
    );
    let v = votes("… har vedtaget indstillingen med den ændring, at antallet nedsættes til 6. Herfor stemte 14 mens 12 stemte for at bevare det nuværende antal på 8.").unwrap();
    assert_eq!((v.for_, v.against), (Some(14), Some(12)));
    let v = votes("Medlemsforslaget blev godkendt efter afstemning med følgende resultat:\nFor stemte 8 medlemmer: A, B, F og Ø.\nImod stemte 3 medlemmer: C og V.\nIngen medlemmer undlod at stemme.").unwrap();
    assert_eq!((v.for_, v.against, v.abstain), (Some(8), Some(3), Some(0)));
    let v =
        votes("Stemmer for: 7 (B, F, I, Ø)\nStemmer imod: 3 (A, C)\nUndlod at stemme: 0").unwrap();
    assert_eq!((v.for_, v.against, v.abstain), (Some(7), Some(3), Some(0)));
    let (d, _) = dissents_and_votes("Forslaget blev forkastet med 14 stemmer mod 6.");
    assert_eq!(d.len(), 1, "a counted minority is a dissent");
}

/// Every dissent phrase and minority subject reaches the recogniser built from it.
#[test]
fn every_dissent_word_is_recognised() {
    for p in vocab::DISSENT_PHRASES {
        let t = format!("Godkendt. Anne Hansen (A) {}.", p.replace('*', ""));
        assert!(!dissents(&t).is_empty(), "{p}");
    }
    for m in vocab::MODALS {
        for v in vocab::REFUSE_INFINITIVES {
            let t = format!("Godkendt. Anne Hansen {m} ikke {v} indstillingen.");
            assert!(!dissents(&t).is_empty(), "{m} {v}");
        }
    }
    for m in vocab::MINORITY_SUBJECTS {
        let mut c = m.chars();
        let cap: String = c.next().unwrap().to_uppercase().chain(c).collect();
        let t = format!("Godkendt. {cap} ønskede en drøftelse.");
        assert!(!dissents(&t).is_empty(), "{m}");
    }
    for m in vocab::MAJORITY_SUBJECTS {
        let t = format!("{m} kunne ikke tiltræde indstillingen.");
        assert!(dissents(&t).is_empty(), "{m}");
    }
    for g in vocab::PARTY_GROUP_NOUNS {
        let t = format!("Venstres {g} kunne ikke tiltræde indstillingen.");
        assert!(!dissents(&t).is_empty(), "{g}");
    }
    for p in vocab::PROTOCOL_NOUNS {
        let t = format!("Godkendt. Venstre afgav følgende {p}: ”Vi er imod.”");
        assert!(!dissents(&t).is_empty(), "{p}");
    }
    for n in vocab::NOBODY {
        assert!(
            dissents(&format!("{n} undlod at stemme.")).is_empty(),
            "{n}"
        );
    }
}

#[test]
fn letters_whose_lower_case_is_longer_do_not_shift_the_names() {
    // `Ⱥ` is two bytes, its lower case `ⱥ` three: offsets into a lower-cased copy miss the text
    let t = "ȺȺȺȺ ȺȺȺȺ. Imod stemte (Ø) og (F).";
    let d = dissents(t);
    assert!(d.iter().any(|x| x.text.contains("(Ø) og (F)")), "{d:?}");
    assert_eq!(
        imod_stemte_who("ȺȺȺ Imod stemte: (Ø)"),
        Some("(Ø)".to_string())
    );
    assert_eq!(
        minority_members("ȺȺȺ Et mindretal, bestående af Lone Andersen, stemte imod."),
        Some("Lone Andersen".to_string())
    );
    assert_eq!(find_lower("AȺB IMOD", "imod"), Some((5, 9)));
}
