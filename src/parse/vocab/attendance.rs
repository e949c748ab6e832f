//! Who was there: attendance labels and the phrases of an absence scoped to one item.

/// Labels of the members who are away (`Afbud: Anne Hansen`, `Fraværende med afbud:`), in a
/// document's head and in its decisions.
pub const ABSENT_LABELS: &[&str] = &[
    "afbud",
    "fraværende med afbud",
    "fraværende",
    "ikke til stede",
    "fravær",
];

/// Labels of the members who are present, in a document's head.
pub const PRESENT_LABELS: &[&str] = &[
    "deltagere",
    "medlemmer",
    "til stede",
    "tilstede",
    "fremmødte",
];

/// Labels of attendance notes a decision carries besides absence (`Til stede: …`, `Deltog ikke:
/// …`).
pub const DECISION_ATTENDANCE_LABELS: &[&str] = &["til stede", "deltog ikke"];

/// Phrases that say a member was away for one item only (`X deltog ikke i behandlingen`,
/// `erklærede sig inhabil`, `forlod mødet kl. 17.40`).
pub const SCOPED_ABSENCE: &[&str] = &[
    "deltog ikke i behandlingen",
    "deltog ikke i sagens behandling",
    "deltog ikke i mødet",
    "erklærede sig inhabil",
    "var inhabil",
    "forlod mødet",
    "forlod herefter mødet",
    "var forhindret i at deltage",
    "var forhindrede i at deltage",
];

/// Remarks on who was present or heard that a decision text carries besides the decision
/// (`I mødet deltog: …`, `X havde anmodet om foretræde`): no attendance note, and no decision.
pub const PRESENCE_REMARKS: &[&str] = &[
    "i mødet deltog",
    "havde anmodet om foretræde",
    "havde foretræde",
    "fik foretræde",
    "mødte kl.",
];
