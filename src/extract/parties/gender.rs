//! Which people a "she" or a "he" can refer to: a person's gender as the text shows it, by an
//! honorific or a role word beside the name ("Mrs", "First Lady", "spokeswoman") or by a
//! common given name. Unknown is the usual answer, and an unknown person fits either pronoun.

use super::{PartyKind, PartyTable};
use crate::extract::lexicon::{FEMALE_NAMES, MALE_NAMES, among};
use crate::extract::sentences::Doc;

/// A person's grammatical gender, as far as the text shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Gender {
    /// "she", "her".
    Female,
    /// "he", "him", "his".
    Male,
}

/// The gender a singular pronoun asks for.
pub(super) fn of_pronoun(word: &str) -> Option<Gender> {
    match word {
        "she" | "her" | "herself" | "hers" => Some(Gender::Female),
        "he" | "him" | "his" | "himself" => Some(Gender::Male),
        _ => None,
    }
}

/// Each party's gender, where the text shows it (people only).
pub(super) fn genders(doc: &Doc, table: &PartyTable) -> Vec<Option<Gender>> {
    let mut out: Vec<Option<Gender>> = table
        .parties
        .iter()
        .map(|p| {
            if p.kind != PartyKind::Person {
                return None;
            }
            let words = p
                .title
                .iter()
                .chain(p.role.iter())
                .flat_map(|t| t.split(' '))
                .map(str::to_lowercase);
            let by_role = words.filter_map(|w| role_gender(&w)).next();
            by_role.or_else(|| p.name_tokens.first().and_then(|n| name_gender(n)))
        })
        .collect();
    // "Mrs Dlamini", "Mr. Okafor": an honorific right before a mention.
    for m in &table.mentions {
        if table.parties[m.party].kind != PartyKind::Person || out[m.party].is_some() {
            continue;
        }
        // The honorific may open the mention ("Mrs Tamsin Reyd") or stand before it.
        let t = doc.token_at_or_after(m.span.start);
        let mut k = t;
        if k > 0 && doc.tok(k - 1) == "." {
            k -= 1;
        }
        let before = (k > 0).then(|| doc.tok(k - 1));
        if let Some(g) = honorific_gender(doc.tok(t)).or_else(|| before.and_then(honorific_gender))
        {
            out[m.party] = Some(g);
        }
    }
    out
}

fn honorific_gender(word: &str) -> Option<Gender> {
    match word {
        "Mrs" | "Ms" | "Miss" | "Madam" | "Madame" | "Mme" | "Dame" | "Lady" => {
            Some(Gender::Female)
        }
        "Mr" | "Sir" | "Monsieur" => Some(Gender::Male),
        _ => None,
    }
}

fn role_gender(word: &str) -> Option<Gender> {
    match word {
        "mrs" | "ms" | "miss" | "queen" | "princess" | "baroness" | "duchess" | "countess"
        | "lady" | "dame" | "spokeswoman" | "chairwoman" | "congresswoman" | "businesswoman"
        | "actress" | "wife" | "widow" | "mother" | "daughter" | "sister" | "woman"
        | "grandmother" | "sultana" | "empress" => Some(Gender::Female),
        "mr" | "sir" | "king" | "prince" | "baron" | "duke" | "count" | "lord" | "spokesman"
        | "chairman" | "congressman" | "businessman" | "actor" | "husband" | "widower"
        | "father" | "son" | "brother" | "man" | "grandfather" | "sultan" | "emperor"
        | "sheikh" | "emir" => Some(Gender::Male),
        _ => None,
    }
}

fn name_gender(first: &str) -> Option<Gender> {
    if among(first, FEMALE_NAMES) {
        Some(Gender::Female)
    } else if among(first, MALE_NAMES) {
        Some(Gender::Male)
    } else {
        None
    }
}
