//! SBSYS publication XML (`<Publication>`): `Agendas/Agenda` with its `Meeting` (`When`,
//! `Where`, `Members`), `Committee/Name` and `Items/Item` (`Number`, `Caption`, `IsPublic`,
//! `Case/Number`, `Fields/ItemField` with `Caption` and HTML `Content`, `Enclosures`). An item
//! whose number has sub-items (`1` over `1.1`, `1.2`) is their heading, not an item; items
//! numbered `0` hold the publication's own files and are not on the agenda. Enclosures'
//! inlined data is never read.

use super::tree::{Element, field_lines};
use crate::model::{Meeting, Participant};
use crate::read::render::{self, Render};
use crate::read::text::ItemStart;

pub fn render(root: &Element, r: &mut Render) {
    let agendas: Vec<&Element> = root
        .descendants()
        .into_iter()
        .filter(|e| e.name == "Agenda" && e.child("Items").is_some())
        .collect();
    for (k, agenda) in agendas.iter().enumerate() {
        one(agenda, root, r, k == 0);
    }
}

fn is_true(s: Option<String>) -> Option<bool> {
    s.map(|v| v.eq_ignore_ascii_case("true") || v == "1")
}

fn one(agenda: &Element, root: &Element, r: &mut Render, first: bool) {
    let meeting = agenda.child("Meeting");
    let body = agenda.text_at("Committee/Name");
    let (date, time) =
        render::date_time(&meeting.and_then(|m| m.text_at("When")).unwrap_or_default());
    let place = meeting.and_then(|m| m.text_at("Where"));
    let participants: Vec<Participant> = meeting
        .and_then(|m| m.child("Members"))
        .map(|ms| {
            ms.elements()
                .filter_map(|m| {
                    let name = m.text_at("Name").or_else(|| m.text_at("Member/Name"))?;
                    let status = m
                        .text_at("ParticipationStatusAsText")
                        .unwrap_or_default()
                        .to_lowercase();
                    let absent = status.contains("absent")
                        || status.contains("afbud")
                        || status.contains("fravær");
                    Some(Participant {
                        name,
                        party: None,
                        absent,
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    let kind = agenda
        .text_at("PublicationTypeAsEnum")
        .or_else(|| root.text_at("PublicationTypeAsEnum"))
        .unwrap_or_default()
        .to_lowercase();
    let value = agenda
        .text_at("PublicationTypeAsValue")
        .or_else(|| root.text_at("PublicationTypeAsValue"));
    let minutes =
        kind.contains("minute") || kind.contains("referat") || value.as_deref() == Some("2");
    let title = if minutes { "Referat" } else { "Dagsorden" };
    let head = Meeting {
        body,
        date,
        start_time: time,
        place,
        participants,
    };
    r.meeting_head(title, head, first);
    let Some(items) = agenda.child("Items") else {
        return;
    };
    let mut list: Vec<(Vec<u32>, &Element)> = items
        .all("Item")
        .map(|i| (number_key(&i.text_at("Number").unwrap_or_default()), i))
        .filter(|(k, _)| k.first() != Some(&0))
        .collect();
    let before: Vec<Vec<u32>> = list.iter().map(|(k, _)| k.clone()).collect();
    list.sort_by(|a, b| a.0.cmp(&b.0));
    if before != list.iter().map(|(k, _)| k.clone()).collect::<Vec<_>>() {
        r.warn("items were stored out of order; put in their order");
    }
    let numbers: Vec<String> = list
        .iter()
        .map(|(_, i)| i.text_at("Number").unwrap_or_default())
        .collect();
    let mut parent: Option<(String, String)> = None;
    for (_, item) in &list {
        let number = item.text_at("Number").unwrap_or_default();
        let title = item.text_at("Caption").unwrap_or_default();
        let is_heading = numbers.iter().any(|n| n.starts_with(&format!("{number}.")));
        if is_heading {
            r.blank();
            r.line(&format!("{number} {title}"));
            parent = Some((number.clone(), format!("{number} {title}")));
            continue;
        }
        let under = parent
            .as_ref()
            .filter(|(n, _)| number.starts_with(&format!("{n}.")))
            .map(|(_, h)| h.clone());
        let closed = is_true(item.text_at("IsPublic")) == Some(false);
        r.item(ItemStart {
            number,
            title: title.clone(),
            closed,
            case_numbers: item.text_at("Case/Number").into_iter().collect(),
            parent: under,
            ..Default::default()
        });
        let mut fields: Vec<&Element> = item
            .child("Fields")
            .map(|f| f.all("ItemField").collect())
            .unwrap_or_default();
        fields.sort_by_key(|f| {
            f.text_at("Index")
                .and_then(|i| i.parse::<i64>().ok())
                .unwrap_or(0)
        });
        for f in fields {
            let caption = f.text_at("Caption").unwrap_or_default();
            let body = field_lines(&f.child("Content").map(Element::text).unwrap_or_default());
            let heading = if caption == title {
                ""
            } else {
                caption.as_str()
            };
            r.section(heading, &body);
        }
        let bilag: Vec<String> = item
            .child("Enclosures")
            .map(|e| {
                e.all("Enclosure")
                    .filter_map(|x| x.text_at("Name"))
                    .map(|n| format!("- {n}"))
                    .collect()
            })
            .unwrap_or_default();
        r.section("Bilag", &bilag);
    }
}

/// `1.2` → [1, 2]; a number that is not one sorts last.
pub fn number_key(n: &str) -> Vec<u32> {
    let k: Vec<u32> = n
        .trim()
        .split('.')
        .map_while(|p| p.trim().parse().ok())
        .collect();
    if k.is_empty() { vec![u32::MAX] } else { k }
}
