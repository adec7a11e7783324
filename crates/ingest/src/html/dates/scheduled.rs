//! Dates that schedule something rather than date the page: an event's start or end, an
//! offer's validity, a deadline. A page that shows `Event date: 12 May 2025` or
//! `<time itemprop="startDate">` says when something happens, not when it was written, so
//! such a date is never a publication candidate. Told by the words right before the date
//! ([`is_scheduling_label`]) or by the date element's own names ([`is_scheduling_element`]):
//! schema.org's `startDate`, `validThrough` … and the microformats' `dtstart` / `dt-end`
//! name the field, as `datePublished` and `dt-published` do for the page's own date.
//! Pure string work on labels and attribute values.

use regex::Regex;
use std::sync::LazyLock;

/// Words right before a date that make it the date of an event or a deadline (`Event date:`,
/// `When: Saturday,`, `Deadline`, `Expires on`, `Anmeldeschluss:`, `Date limite :`), with
/// an optional preposition and an optional weekday between them and the date.
static SCHEDULING_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    let words = "event date|date of (?:the )?event|when|deadline|closing date|expires|expiry(?: date)?|expiration(?: date)?|starts|begins|ends|valid from|registration closes|apply by|veranstaltungsdatum|wann|anmeldeschluss|einsendeschluss|bewerbungsschluss|date de l'événement|date de l’événement|quand|date limite|fecha del evento|cuándo|fecha límite";
    let re =
        format!(r"(?i)(?:^|[\s(])(?:{words})\s*:?\s*(?:(?:on|am|le|el)\s+)?(?:\p{{L}}+\.?,\s*)?$");
    Regex::new(&re).expect("valid regex")
});

/// Names (`class`, `id`, `itemprop`) of an element holding a scheduled date: schema.org's
/// event, offer and job properties, the microformats' event start and end (`dtstart`,
/// `dt-end`), and class words naming such a date (`event-date`, `start-date`, `deadline`,
/// `expiry`); a bare `event` is not one (`event-trigger`, `pointer-events-none` are
/// scripts' and styles' words).
static SCHEDULING_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[\s_-])(?:startdate|enddate|doortime|validfrom|validthrough|pricevaliduntil|availabilitystarts|availabilityends|applicationdeadline|dt-?start|dt-?end|event-?(?:date|time|start|end)|(?:start|end)-?(?:date|time)|date-?(?:start|end)|deadline|expir(?:y|es|ation))")
        .expect("valid regex")
});

/// Whether the text right before a date (its label) says the date schedules something.
pub fn is_scheduling_label(label: &str) -> bool {
    SCHEDULING_LABEL.is_match(label)
}

/// Whether an element's names (its class, id and itemprop, space-joined) say the date it
/// holds schedules something.
pub fn is_scheduling_element(names: &str) -> bool {
    SCHEDULING_NAME.is_match(names)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_and_deadline_labels_schedule() {
        for label in [
            "Event date: ",
            "About the fair. When: Saturday, ",
            "Application deadline ",
            "Offer expires on ",
            "Anmeldeschluss: ",
            "Date limite : ",
            "Fecha del evento: ",
        ] {
            assert!(is_scheduling_label(label), "{label}");
        }
    }

    #[test]
    fn publication_labels_and_sentences_do_not_schedule() {
        for label in [
            "Published: ",
            "By Ann Lee · ",
            "Updated on ",
            "the council met when it could on ",
            "Weekend ",
            "Posted Saturday, ",
        ] {
            assert!(!is_scheduling_label(label), "{label}");
        }
    }

    #[test]
    fn event_offer_and_microformat_names_schedule() {
        for names in [
            "startDate",
            "tribe-event-date-start",
            "eventDate",
            "dtstart",
            "dt-end",
            "offer validThrough",
            "job-deadline",
        ] {
            assert!(is_scheduling_element(names), "{names}");
        }
    }

    #[test]
    fn the_page_s_own_date_names_do_not_schedule() {
        for names in [
            "datePublished",
            "entry-date published",
            "dt-published",
            "post-meta date",
            "prevent-date",
            "dateModified updated",
            "event-trigger date",
            "meta pointer-events-none",
        ] {
            assert!(!is_scheduling_element(names), "{names}");
        }
    }
}
