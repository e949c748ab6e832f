//! Who a decision text names: the case it refers to a body, and the body it opens with.

use super::*;
use Outcome::*;

#[test]
fn a_case_referred_to_a_body_is_oversendt_and_a_mention_is_not() {
    for (text, expected) in [
        ("Sagen henvistes til Udvalget.", Oversendt),
        ("Andragendet henvistes til Vejudvalget.", Oversendt),
        ("Byrådet henviste sagen til Teknisk Udvalg.", Oversendt),
        ("Sagen blev henvist til Sogneraadet.", Oversendt),
        ("Der henvises til notatet fra Økonomiudvalget.", Andet),
    ] {
        assert_eq!(outcome(text), Some(expected), "{text}");
    }
}

#[test]
fn a_text_that_names_its_body_first_says_who_decided() {
    // the meeting's body is the council, but the text reports the committee's position
    assert_eq!(
        outcome_by("Udvalget kan tiltræde indstillingen.", Some("Byrådet")),
        Some(Anbefalet)
    );
    assert_eq!(
        outcome_by(
            "Byrådet kan tiltræde indstillingen.",
            Some("Økonomiudvalget")
        ),
        Some(Godkendt)
    );
    // without a subject, the header's body decides
    assert_eq!(
        outcome_by("Kan tiltræde indstillingen.", Some("Teknisk Udvalg")),
        Some(Anbefalet)
    );
}
