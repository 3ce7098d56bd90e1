//! How sure the extractor is of an event, in [0, 1]. A verb trigger starts higher than a noun;
//! evidence in the event's own words raises it (a date phrase, a place, two or more parties,
//! further mentions), and what is borrowed or missing lowers it (a date carried over from the
//! sentence before, a place taken from the dateline, no party at all). The numbers are set by
//! hand to order events for review, not fitted to data.

/// Start for a verb trigger ("met", "fired").
pub const VERB_BASE: f32 = 0.6;
/// Start for a noun trigger ("meeting", "treaty"), which needed a light verb, a date or a place.
pub const NOUN_BASE: f32 = 0.5;
/// The clause dates the event itself.
pub const OWN_DATE: f32 = 0.15;
/// "Prior to their meeting": the date of the event that phrase names.
pub const ANCHORED_DATE: f32 = 0.05;
/// Taken from the occasion the narrative is on (a neighbouring sentence).
pub const INHERITED_DATE: f32 = -0.1;
/// A place of its own (not inherited).
pub const OWN_PLACE: f32 = 0.1;
/// Two or more parties.
pub const SEVERAL_PARTIES: f32 = 0.05;
/// No party named at all.
pub const NO_PARTY: f32 = -0.2;
/// Each further mention merged into the event.
pub const FURTHER_MENTION: f32 = 0.05;
/// Placed by the dateline alone.
pub const DATELINE_PLACE: f32 = -0.1;
/// The article's main event: its headline and lede report it.
pub const MAIN_EVENT: f32 = 0.1;
/// Lowest confidence an event keeps.
pub const FLOOR: f32 = 0.05;
/// Highest confidence an extracted event gets: a person should still have the last word.
pub const CEILING: f32 = 0.95;

/// Where an event's date came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateSource {
    /// A date phrase of its own clause.
    Own,
    /// A relational phrase naming an earlier event ("prior to their meeting").
    Anchored,
    /// The occasion of a neighbouring sentence.
    Inherited,
    /// None, or only "before publication".
    Unknown,
}

/// What the confidence of one mention rests on.
#[derive(Clone, Copy, Debug)]
pub struct Signals {
    /// The trigger is a noun.
    pub nominal: bool,
    /// Where the date came from.
    pub date: DateSource,
    /// The place was found for this mention (not inherited).
    pub own_place: bool,
    /// How many parties take part.
    pub parties: usize,
}

/// The confidence of one mention.
pub fn confidence(s: Signals) -> f32 {
    let mut c = if s.nominal { NOUN_BASE } else { VERB_BASE };
    match s.date {
        DateSource::Own => c += OWN_DATE,
        DateSource::Anchored => c += ANCHORED_DATE,
        DateSource::Inherited => c += INHERITED_DATE,
        DateSource::Unknown => {}
    }
    if s.own_place {
        c += OWN_PLACE;
    }
    if s.parties >= 2 {
        c += SEVERAL_PARTIES;
    }
    if s.parties == 0 {
        c += NO_PARTY;
    }
    c.clamp(FLOOR, CEILING)
}

/// Two mentions of one event: the better one's confidence, raised a little.
pub fn merged(a: f32, b: f32) -> f32 {
    (a.max(b) + FURTHER_MENTION).min(CEILING)
}

/// The article's main event.
pub fn main_event(c: f32) -> f32 {
    (c + MAIN_EVENT).min(CEILING)
}

/// An event placed by the dateline alone.
pub fn placed_by_dateline(c: f32) -> f32 {
    (c + DATELINE_PLACE).max(FLOOR)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn own_evidence_raises_and_borrowing_lowers() {
        let base = Signals {
            nominal: false,
            date: DateSource::Unknown,
            own_place: false,
            parties: 1,
        };
        let plain = confidence(base);
        assert_eq!(plain, VERB_BASE);
        let dated = confidence(Signals {
            date: DateSource::Own,
            own_place: true,
            parties: 2,
            ..base
        });
        assert!(dated > plain && dated <= CEILING);
        assert!(
            confidence(Signals {
                date: DateSource::Inherited,
                ..base
            }) < plain
        );
        assert!(
            confidence(Signals {
                nominal: true,
                ..base
            }) < plain
        );
        let lonely = confidence(Signals {
            parties: 0,
            nominal: true,
            date: DateSource::Inherited,
            ..base
        });
        assert!(lonely >= FLOOR && lonely < plain);
        assert_eq!(merged(CEILING, CEILING), CEILING);
        assert!(merged(0.5, 0.6) > 0.6);
        assert_eq!(placed_by_dateline(FLOOR), FLOOR);
    }
}
