//! eDoc / Fujitsu agenda XML (namespace `fujitsu.dk/agenda`): `Committee` (`Name`) with its
//! `Meeting` (`MeetingDateTime`, `MeetingLocation`) and `Agenda/AgendaElements/AgendaElement`
//! (`SortOrder`, `AccessIsPublic`), each with a `HandlingItem` (`SerialNo`, `Title`,
//! `CaseNumber`, `CasePresentations/CasePresentation` with `Title`, HTML `Content` and
//! `IsDecision`, `Attachments` by title only).

use super::sbsys::number_key;
use super::tree::{Element, field_lines};
use crate::model::Meeting;
use crate::read::render::{self, Render};
use crate::read::text::ItemStart;

pub fn render(root: &Element, r: &mut Render) {
    let all = root.descendants();
    let committee = all.iter().find(|e| e.name == "Committee").copied();
    let meeting = all.iter().find(|e| e.name == "Meeting").copied();
    let body = committee.and_then(|c| c.text_at("Name"));
    let (date, time) = render::date_time(
        &meeting
            .and_then(|m| m.text_at("MeetingDateTime"))
            .unwrap_or_default(),
    );
    let place = meeting.and_then(|m| m.text_at("MeetingLocation"));
    let kind = root
        .text_at("OutputTypeEnumName")
        .unwrap_or_default()
        .to_lowercase();
    let title = if kind.contains("minute") || kind.contains("referat") {
        "Referat"
    } else {
        "Dagsorden"
    };
    let head = Meeting {
        body,
        date,
        start_time: time,
        place,
        participants: Vec::new(),
    };
    r.meeting_head(title, head, true);

    let mut items: Vec<(Vec<u32>, &Element)> = all
        .iter()
        .filter(|e| e.name == "AgendaElement")
        .map(|e| {
            let n = e
                .text_at("HandlingItem/SerialNo")
                .or_else(|| e.text_at("SortOrder"))
                .unwrap_or_default();
            (number_key(&n), *e)
        })
        .collect();
    let before: Vec<Vec<u32>> = items.iter().map(|i| i.0.clone()).collect();
    items.sort_by(|a, b| a.0.cmp(&b.0));
    if before != items.iter().map(|i| i.0.clone()).collect::<Vec<_>>() {
        r.warn("items were stored out of order; put in their order");
    }
    for (_, el) in items {
        let h = el.child("HandlingItem").unwrap_or(el);
        let public = el
            .text_at("AccessIsPublic")
            .map(|v| v.eq_ignore_ascii_case("true"));
        r.item(ItemStart {
            number: h
                .text_at("SerialNo")
                .or_else(|| el.text_at("SortOrder"))
                .unwrap_or_default(),
            title: h.text_at("Title").unwrap_or_default(),
            closed: public == Some(false),
            case_numbers: h.text_at("CaseNumber").into_iter().collect(),
            ..Default::default()
        });
        for p in h
            .child("CasePresentations")
            .map(|c| c.all("CasePresentation").collect::<Vec<_>>())
            .unwrap_or_default()
        {
            let mut heading = p.text_at("Title").unwrap_or_default();
            let decision = p
                .text_at("IsDecision")
                .is_some_and(|v| v.eq_ignore_ascii_case("true"));
            if decision && !heading.to_lowercase().starts_with("beslutning") {
                heading = "Beslutning".into();
            }
            r.section(
                &heading,
                &field_lines(&p.child("Content").map(Element::text).unwrap_or_default()),
            );
        }
        let bilag: Vec<String> = h
            .child("Attachments")
            .map(|a| {
                a.all("Attachment")
                    .filter_map(|x| x.text_at("Title"))
                    .map(|t| format!("- {t}"))
                    .collect()
            })
            .unwrap_or_default();
        r.section("Bilag", &bilag);
    }
}
