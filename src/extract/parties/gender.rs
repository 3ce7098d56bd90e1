//! Which people a "she" or a "he" can refer to: a person's gender as the text shows it, by an
//! honorific or a role word beside the name ("Mrs", "First Lady", "spokeswoman") or by a
//! common given name. Unknown is the usual answer, and an unknown person fits either pronoun.

use super::{PartyKind, PartyTable};
use crate::extract::lexicon::among;
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

/// Given names that, in the news, nearly always belong to one gender. Written for this table;
/// names that belong to both ("Jean", "Kim", "Andrea") are left out on purpose.
const FEMALE_NAMES: &[&str] = &[
    "Aisha",
    "Alice",
    "Alicia",
    "Amal",
    "Amanda",
    "Amy",
    "Ana",
    "Angela",
    "Angelina",
    "Ann",
    "Anna",
    "Anne",
    "Annette",
    "Barbara",
    "Beatriz",
    "Benazir",
    "Betty",
    "Bianca",
    "Brenda",
    "Carla",
    "Carmen",
    "Caroline",
    "Catherine",
    "Cecilia",
    "Christina",
    "Christine",
    "Claire",
    "Claudia",
    "Condoleezza",
    "Cristina",
    "Dilma",
    "Dolores",
    "Elena",
    "Elisabeth",
    "Elizabeth",
    "Ellen",
    "Emily",
    "Emma",
    "Erin",
    "Eva",
    "Fatima",
    "Federica",
    "Gloria",
    "Golda",
    "Hannah",
    "Helen",
    "Helena",
    "Hillary",
    "Ingrid",
    "Íngrid",
    "Irina",
    "Isabel",
    "Jacinda",
    "Jane",
    "Janet",
    "Jennifer",
    "Jessica",
    "Joanna",
    "Josephine",
    "Julia",
    "Julie",
    "Kamala",
    "Karen",
    "Katherine",
    "Kathleen",
    "Kathryn",
    "Laura",
    "Leila",
    "Linda",
    "Lisa",
    "Liz",
    "Louise",
    "Lucy",
    "Madeleine",
    "Margaret",
    "Margarethe",
    "Maria",
    "María",
    "Marie",
    "Marine",
    "Martha",
    "Mary",
    "Maryam",
    "Megan",
    "Melania",
    "Michelle",
    "Nancy",
    "Natalia",
    "Natalie",
    "Navi",
    "Nina",
    "Olga",
    "Patricia",
    "Priti",
    "Rachel",
    "Rebecca",
    "Rosa",
    "Ruth",
    "Samantha",
    "Sandra",
    "Sarah",
    "Segolene",
    "Ségolène",
    "Sonia",
    "Sophie",
    "Susan",
    "Suzanne",
    "Sylvia",
    "Tatiana",
    "Teresa",
    "Theresa",
    "Ursula",
    "Valentina",
    "Valeska",
    "Victoria",
    "Viktoria",
    "Yasmin",
    "Yulia",
    "Zainab",
];

/// Given names that, in the news, nearly always belong to a man.
const MALE_NAMES: &[&str] = &[
    "Abdullah",
    "Ahmed",
    "Alan",
    "Alexander",
    "Alexei",
    "Ali",
    "Andrew",
    "Angelo",
    "Anthony",
    "Antonio",
    "Barack",
    "Benjamin",
    "Bernard",
    "Bill",
    "Boris",
    "Brian",
    "Carlos",
    "Charles",
    "Christopher",
    "Dan",
    "Daniel",
    "David",
    "Dmitry",
    "Donald",
    "Edward",
    "Emmanuel",
    "Enrique",
    "Fidel",
    "Francis",
    "Francisco",
    "Frank",
    "Fumio",
    "Gary",
    "George",
    "Gordon",
    "Hamid",
    "Hans",
    "Hassan",
    "Henry",
    "Hosni",
    "Hugo",
    "Ibrahim",
    "Ivan",
    "Jacob",
    "James",
    "Jeremy",
    "Jim",
    "Jimmy",
    "Joe",
    "John",
    "Joseph",
    "Juan",
    "Justin",
    "Kevin",
    "Khalid",
    "Kofi",
    "Luis",
    "Mahmoud",
    "Mark",
    "Matthew",
    "Michael",
    "Mikhail",
    "Mohamed",
    "Mohammad",
    "Mohammed",
    "Muammar",
    "Muhammad",
    "Narendra",
    "Nicolas",
    "Nicholas",
    "Nelson",
    "Olaf",
    "Omar",
    "Paul",
    "Pedro",
    "Peter",
    "Recep",
    "Richard",
    "Robert",
    "Ronald",
    "Saddam",
    "Sergei",
    "Sergey",
    "Shinzo",
    "Stephen",
    "Steve",
    "Steven",
    "Thomas",
    "Tony",
    "Vladimir",
    "Volodymyr",
    "William",
    "Yoshihide",
    "Yusuf",
];

fn name_gender(first: &str) -> Option<Gender> {
    if among(first, FEMALE_NAMES) {
        Some(Gender::Female)
    } else if among(first, MALE_NAMES) {
        Some(Gender::Male)
    } else {
        None
    }
}
