//! The words of dissent and votes: what a member, party or minority says when it does not
//! follow the decision, the subjects that name a minority, protocol remarks and the words of
//! counted votes. Lower case; a space stands for any white space. `dissent.rs` builds its
//! recognisers from these lists, and its tests check every phrase.

/// Verbs of refusal after a member or party subject, with the modal and `ikke` before them
/// (`kunne ikke tiltræde`): the modal and the verb are combined by the recogniser.
pub const REFUSE_INFINITIVES: &[&str] = &[
    "godkende",
    "anbefale",
    "tiltræde",
    "støtte",
    "gå ind for",
    "tilslutte sig",
    "følge indstillingen",
];

/// Phrases by which a member, party or minority dissents (after its name).
pub const DISSENT_PHRASES: &[&str] = &[
    "imod stemte",
    "stemte imod",
    "stemmer imod",
    "voterede imod",
    "undlod at stemme",
    "undlader at stemme",
    "undlod",
    "undlader",
    "udlod",
    "tager forbehold",
    "tog forbehold",
    "ønskede sin stemme ført til protokol*",
    "ønskede deres stemme ført til protokol*",
    "ønsker sin stemme ført til protokol*",
    "ønsker deres stemme ført til protokol*",
    "ønsker sin mindretalsudtalelse ført til protokol*",
    "ønskede følgende mindretalsudtalelse",
    "ønskede mindretalsudtalelse",
    "ønskede følgende protokoltilførsel",
    "ønskede protokoltilførsel",
    "ønskede tilført protokollen",
    "ønskede følgende tilført protokollen",
    "ønskede tilført beslutningsprotokollen",
    "ønskede følgende tilført beslutningsprotokollen",
    "ønskede følgende tilføjet",
    "ønskede tilføjet",
    "ønskede præciseret",
    "afgav mindretalsudtalelse",
    "afgav en mindretalsudtalelse",
    "afgav følgende mindretalsudtalelse",
    "fastholder sin mindretalsudtalelse",
    "fastholdt sin mindretalsudtalelse",
    "protokoltilførsel",
    "bemærkede dog",
    "var imod",
    "er imod",
    "gik imod",
    "var af den modsatte opfattelse",
    "var af modsat opfattelse",
    "henholdt sig til det oprindelige forslag",
    "henholder sig til det oprindelige forslag",
];

/// Nouns of a remark entered in the minutes: a dissent only when content follows
/// (`afgav følgende protokolbemærkning:` with nothing after it is none).
pub const PROTOCOL_NOUNS: &[&str] = &["protokolbemærkning", "protokolbemærkninger"];

/// Subjects that name a minority (`Et mindretal, bestående af …`): a dissent whatever its verb.
pub const MINORITY_SUBJECTS: &[&str] = &["et mindretal", "mindretallet", "udvalgets mindretal"];

/// Verbs of an opinion that, said by named members after a majority has spoken, is theirs
/// against it (`X fandt ikke, at …`).
pub const OPINION_VERBS: &[&str] = &["fandt", "finder", "mente", "mener"];

/// Quantifiers that make an abstention or vote line say nobody (`Ingen medlemmer undlod`).
pub const NOBODY: &[&str] = &["ingen", "0"];

/// Words of counted votes: `for`, `imod`/`mod`, abstention.
pub const VOTE_FOR: &[&str] = &["for"];
pub const VOTE_AGAINST: &[&str] = &["imod", "mod"];
pub const VOTE_ABSTAIN: &[&str] = &[
    "undlod",
    "undlod at stemme",
    "hverken stemte for eller imod",
    "blank",
];
