//! The grammar words of a decision: the verbs of each outcome in all their forms (present,
//! passive `-es`, past, old passive past `-edes`/`-toges`, participle, infinitive after a
//! modal), the routing wrappers and their directions, the objects that decide what a verb
//! means, negators and the modifiers that turn an adoption into an adoption with changes.
//!
//! Lower case. A trailing `*` stands for any ending (`besvar*`: `besvarede`, `besvaret`, …); a
//! space stands for any white space. Old spellings (`aa` for `å`) sit beside the modern ones.
//! `beslutning.rs` builds its recognisers from these lists, and its tests check every form.

/// Adoption → `godkendt` (finite, passive and participle forms; the infinitive only where a
/// decision verb governs it: `besluttede at godkende`).
pub const ADOPT_FORMS: &[&str] = &[
    "godkende",
    "godkender",
    "godkendes",
    "godkendte",
    "godkendtes",
    "godkendt",
    "godkjendt",
    "godkendelse af indstillingen",
    "vedtage",
    "vedtager",
    "vedtages",
    "vedtog",
    "vedtoges",
    "vedtaget",
    "tiltræde",
    "tiltraade",
    "tiltræder",
    "tiltrædes",
    "tiltrådte",
    "tiltrådtes",
    "tiltrådt",
    "tiltraadte",
    "tiltraadtes",
    "tiltraadt",
    "bevilge",
    "bevilger",
    "bevilges",
    "bevilgede",
    "bevilgedes",
    "bevilget",
    "imødekomme",
    "imødekommer",
    "imødekommes",
    "imødekom",
    "imødekommet",
    "valgt",
    "valgtes",
    "udpeget",
    "udpegede",
    "udpeges",
    "enig i indstillingen",
    "enige i indstillingen",
    "følger indstillingen",
    "fulgte indstillingen",
    "indstillingen følges",
];

/// Endorsement → `anbefalet`: a recommendation to a higher body.
pub const RECOMMEND_FORMS: &[&str] = &[
    "anbefale",
    "anbefaler",
    "anbefales",
    "anbefalede",
    "anbefaledes",
    "anbefalet",
    "indstilles godkendt",
    "indstilles vedtaget",
    "indstilles tiltrådt",
    "indstilles til godkendelse",
];

/// Verbs by which a body states what it has resolved (`besluttede, at …`, `vedtog at …`):
/// they give way to the clause they govern and carry its negation (`vedtog ikke at`).
pub const DECIDE_FORMS: &[&str] = &[
    "beslutte",
    "beslutter",
    "besluttes",
    "besluttede",
    "besluttedes",
    "besluttet",
    "vedtog",
    "vedtoges",
    "vedtaget",
    "vedtager",
    "vælger",
    "valgte",
];

/// Modal verbs of a statement of position (`Udvalget kan tiltræde indstillingen`).
pub const MODALS: &[&str] = &["kan", "kunne"];
/// Infinitives of endorsement after a modal: a preparing body's position, which the final
/// authority's own `kan tiltræde` makes its decision.
pub const ENDORSE_INFINITIVES: &[&str] = &[
    "tiltræde",
    "tiltraade",
    "henholde sig til",
    "gå ind for",
    "tilslutte sig",
    "støtte",
];
/// Forms of `henholde sig til` (to stand by a statement).
pub const HENHOLDE_FORMS: &[&str] = &[
    "henholde",
    "henholder",
    "henholdt",
    "henholdes",
    "henholdtes",
];
/// Objects of `henholde sig til` that are a position (the body adopts or endorses it).
pub const POSITION_OBJECTS: &[&str] = &[
    "erklæring*",
    "udtalelse*",
    "indstilling*",
    "forslag*",
    "anbefaling*",
];
/// Objects of `henholde sig til` that are an account (the body notes it).
pub const ACCOUNT_OBJECTS: &[&str] = &["redegørelse*", "besvarelse*", "orientering*"];

/// Negators; their scope is the verb after them, or the infinitive after `at`.
pub const NEGATORS: &[&str] = &["ikke", "ej", "ingen"];

/// Rejection → `ikke_godkendt`: verbs that reject whatever their form.
pub const REJECT_FORMS: &[&str] = &[
    "forkaste",
    "forkaster",
    "forkastes",
    "forkastede",
    "forkastedes",
    "forkastet",
    "afvise",
    "afviser",
    "afvises",
    "afviste",
    "afvistes",
    "afvist",
    "afslå",
    "afslår",
    "afslås",
    "afslog",
    "afsloges",
    "afslået",
    "faldt",
    "følger ikke indstillingen",
];
/// Verbs that give a refusal (`besluttet at give afslag`, `meddeles afslag`).
pub const REFUSAL_VERBS: &[&str] = &[
    "give", "giver", "gives", "gav", "givet", "meddele", "meddeler", "meddeles", "meddelte",
];
/// The refusal noun in its forms.
pub const REFUSAL_NOUNS: &[&str] = &["afslag", "afslaget"];
/// Verbs of upholding an earlier refusal or ruling on appeal (`Byrådet fastholdt afslaget`).
pub const UPHOLD_FORMS: &[&str] = &[
    "fastholde",
    "fastholder",
    "fastholdes",
    "fastholdt",
    "opretholde",
    "opretholder",
    "opretholdes",
    "opretholdt",
];
/// What is upheld on appeal (besides the refusal nouns).
pub const RULING_NOUNS: &[&str] = &["afgørelse", "afgørelsen"];

/// What can be withdrawn (`Sagen udgår`, `Forslaget bortfaldt`).
pub const WITHDRAWABLE: &[&str] = &[
    "sagen",
    "sag",
    "punktet",
    "punkt",
    "pkt.",
    "forslaget",
    "indstillingen",
    "andragendet",
];
/// Withdrawal → `udgaaet`, said of a case, item or proposal.
pub const WITHDRAW_PREDICATES: &[&str] = &[
    "udgår",
    "udgik",
    "er udgået",
    "taget af",
    "trukket",
    "annulleres",
    "annulleret",
];
/// Lapse → `udgaaet`, said of a case or proposal however long its name (`indstillingen
/// vedrørende … var faldet bort`).
pub const LAPSE_PREDICATES: &[&str] = &[
    "bortfalder",
    "bortfaldt",
    "er bortfaldet",
    "faldet bort",
    "faldt bort",
];
/// Withdrawal phrases that need no subject.
pub const WITHDRAW_PHRASES: &[&str] = &[
    "udgår af dagsordenen",
    "anses for bortfaldet",
    "trak sagen",
    "trak punktet",
    "trak forslaget",
];

/// Postponement → `udsat`.
pub const POSTPONE_FORMS: &[&str] = &[
    "udsætte",
    "udsættes",
    "udsatte",
    "udsattes",
    "udsat",
    "udskyde",
    "udskydes",
    "udskød",
    "udskudt",
    "genoptages",
    "genfremsættes",
    "genfremsat",
    "genfremlægge",
    "genfremlægges",
    "genfremlagt",
    "forelægges igen",
    "fremlægges igen",
    "behandles igen",
    "afventer",
    "ej færdigbehandlet",
    "ikke færdigbehandlet",
    "vente med at tage stilling",
];
/// A meeting that did not take place (`Mødet blev aflyst`): the item was not treated.
pub const CANCELLED: &[&str] = &["aflyst", "aflystes", "aflyses"];

/// Referral → `oversendt`: passive and participle forms that move a case to another body.
pub const REFER_FORMS: &[&str] = &[
    "oversendes",
    "oversendt",
    "oversendte",
    "oversendtes",
    "fremsendes",
    "fremsendt",
    "fremsendtes",
    "tilbagesendes",
    "tilbagesendt",
    "videresendes",
    "videresendt",
    "sendte sagen",
    "sender sagen",
    "til realitetsbehandling",
    "undlader at tage stilling",
    "undlod at tage stilling",
];
/// `sende` in its forms, a referral with a direction word (`sendes tilbage`, `sendte sagen retur`).
pub const SEND_FORMS: &[&str] = &["sende", "sender", "sendes", "sendte", "sendt"];
/// Direction words of `sende`.
pub const SEND_DIRECTIONS: &[&str] = &["tilbage", "retur", "videre"];
/// `henvise` in its forms: a referral only with a case object and a treatment
/// (`henvises til fornyet behandling`); `der henvises til notatet` is a mention.
pub const HENVISE_FORMS: &[&str] = &[
    "henvise",
    "henviser",
    "henvises",
    "henviste",
    "henvistes",
    "henvist",
];

/// What a referral sends on: the case, not a document it mentions.
pub const REFERRAL_OBJECTS: &[&str] = &[
    "sagen",
    "forslaget",
    "andragendet",
    "ansøgningen",
    "henvendelsen",
    "punktet",
    "spørgsmålet",
];

/// The passive verbs that open a routing wrapper (`Tilbagesendes Magistratens 1. Afdeling med
/// bemærkning, at …`), its subject dropped.
pub const ROUTE_VERBS: &[&str] = &[
    "tilbagesendes",
    "fremsendes",
    "oversendes",
    "videresendes",
    "sendes videre",
    "sendes tilbage",
    "sendes retur",
];
/// What opens the clause inside a routing wrapper that says what was decided.
pub const ROUTE_INNER_MARKERS: &[&str] = &[
    "med bemærkning om, at",
    "med bemærkning om at",
    "med bemærkning, at",
    "med bemærkning at",
    "med bemærkning om",
    ", idet",
    "idet",
];
/// A routing wrapper that only refers to another decision names no outcome of its own.
pub const MENTION_PHRASES: &[&str] = &["der henvises til", "med henvisning til beslutningen"];

/// Discussion → `droeftet`.
pub const DISCUSS_FORMS: &[&str] = &[
    "drøfter",
    "drøftes",
    "drøftede",
    "drøftedes",
    "drøftet",
    "drøftelsen",
    "drøftelse blev",
    "drøftelse er",
    "diskuterede",
    "diskuteret",
    "diskuteres",
    "kom med input*",
    "gav input*",
    "samlede op på",
];

/// Noting → `taget_til_efterretning`.
pub const NOTE_FORMS: &[&str] = &[
    "til efterretning",
    "til orientering",
    "orienteringen blev",
    "orienteringen tages",
    "orienteringen taget",
    "orienterede",
    "orienteredes",
    "orienteret",
    "besvar*",
    "fik status",
    "fik en status",
    "fik oplyst",
    "fik en orientering",
];

/// Amendments: nouns after `med (den|de|…)` that make an adoption one with changes.
pub const AMEND_NOUNS: &[&str] = &[
    "ændring*",
    "tilføjelse*",
    "bemærkning*",
    "præcisering*",
    "justering*",
    "undtagelse",
    "rettelse*",
    "korrektion*",
    "tilretning*",
];
/// Determiners between `med` and an amendment noun (`med nogle ændringer`).
pub const AMEND_DETERMINERS: &[&str] = &[
    "den",
    "de",
    "denne",
    "disse",
    "følgende",
    "flg.",
    "en",
    "nogle",
    "en række",
    "enkelte",
];
/// Adjectives between the determiner and the noun (`med nogle nærmere anførte ændringer`).
pub const AMEND_ADJECTIVES: &[&str] = &["nærmere anførte", "tekniske", "mindre", "redaktionelle"];
/// Phrases that qualify an adoption with a change or a condition.
pub const AMEND_PHRASES: &[&str] = &[
    "idet dog",
    "dog med",
    "dog således",
    "under forudsætning af",
    "på betingelse af",
    "forudsætter, at",
    "forudsætter at",
    "forudsættes, at",
    "ændret til",
    "ændres til",
    "i stedet for",
    "til erstatning af",
    "erstattes",
    "nyt punkt",
    "nyt indstillingspunkt",
    "nye indstillingspunkter",
    "udvalget bemærker",
    "opdateres",
    "tilrettes",
    "justeres",
    "korrigeres",
    "med flg.",
];

/// Determiners before an attributive participle (`den godkendte plan`, `de vedtagne
/// retningslinjer`): the participle is then no decision.
pub const ATTRIBUTIVE_DETERMINERS: &[&str] = &["den", "det", "de", "denne", "dette", "disse"];

/// Words after a discussion verb that make it a plan, not a discussion held (`Punktet drøftes
/// igen på et kommende møde`).
pub const LATER_MARKERS: &[&str] = &[
    "igen",
    "på et kommende",
    "på et senere",
    "på næste",
    "senere",
];

/// Verbs of a stated opinion (`Et flertal … finder, at …`): a position on the case when no
/// other verb decides.
pub const OPINION_FORMS: &[&str] = &["finder", "fandt", "mener", "mente"];

/// Verbs of reported speech in a discussion's minutes (`Troels Bak oplyste, at …`,
/// `Margrethe Bogner forespurgte, …`): what was said, not what was decided.
pub const REPORT_VERBS: &[&str] = &[
    "oplyste",
    "forespurgte",
    "ønskede oplyst",
    "rettede forespørgsel",
    "redegjorde",
];

/// Subjects that are an administration or its head, not the body: what they report is
/// background (`Forvaltningen orienterede …`), what the body then decides wins.
pub const BACKGROUND_SUBJECTS: &[&str] = &[
    "forvaltningen",
    "administrationen",
    "sekretariatet",
    "direktøren",
    "formanden",
    "borgmesteren",
    "rådmanden",
];

/// The verbs of a clause-by-clause verdict (`2. Anbefales`), which beat an orientation or a
/// discussion printed before them, as opposed to words such as `udpeget` that also occur in
/// what was reported.
pub const VERDICT_FORMS: &[&str] = &[
    "godkendt",
    "godkendes",
    "godkender",
    "godkendte",
    "anbefales",
    "anbefaler",
    "anbefalet",
    "anbefalede",
    "tiltrådt",
    "tiltrædes",
];

/// Words before `udsatte` that make it the adjective (`socialt udsatte borgere`), not the
/// past tense of `udsætte`.
pub const VULNERABLE_MARKERS: &[&str] = &[
    "socialt", "særligt", "mest", "mere", "de", "den", "det", "for", "af", "og", "udsatte",
];
