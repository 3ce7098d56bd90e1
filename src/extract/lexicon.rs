//! Shared word lists that several stages read: speech verbs, month and weekday names, person
//! titles. Lowercase unless said otherwise. No logic here beyond trivial lookups.

/// Verbs that introduce or follow reported speech.
pub const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tells",
    "added",
    "adds",
    "described",
    "describes",
    "stated",
    "states",
    "noted",
    "notes",
    "warned",
    "warns",
    "insisted",
    "insists",
    "argued",
    "argues",
    "wrote",
    "writes",
    "tweeted",
    "posted",
    "declared",
    "declares",
    "announced",
    "announces",
    "explained",
    "explains",
    "stressed",
    "stresses",
    "emphasized",
    "emphasised",
    "emphasizes",
    "claimed",
    "claims",
    "asked",
    "asks",
    "replied",
    "replies",
    "responded",
    "continued",
    "remarked",
    "commented",
    "acknowledged",
    "admitted",
    "conceded",
    "suggested",
    "vowed",
    "vows",
    "pledged",
    "promised",
    "called",
    "calls",
    "urged",
    "urges",
    "recalled",
    "observed",
    "affirmed",
    "reiterated",
    "confirmed",
    "cautioned",
    "predicted",
    "recalls",
    "laughed",
    "laughs",
    "quipped",
    "joked",
    "jokes",
    "shrugged",
    "indicated",
    "indicates",
    "signalled",
    "signaled",
    "hinted",
    "contended",
    "countered",
    "added:",
];

/// Speech verbs that may come before their subject: "…,” said Kishida.
pub const INVERTING_VERBS: &[&str] = &[
    "said",
    "says",
    "added",
    "adds",
    "wrote",
    "asked",
    "noted",
    "continued",
    "explained",
    "stated",
    "declared",
    "replied",
    "insisted",
    "warned",
    "explains",
    "notes",
    "recalled",
    "recalls",
    "writes",
    "asks",
];

/// Adverbs and auxiliaries that can stand between a speaker and the speech verb.
pub const SPEECH_FILLERS: &[&str] = &[
    "also",
    "later",
    "then",
    "again",
    "previously",
    "has",
    "have",
    "had",
    "once",
    "reportedly",
    "earlier",
    "repeatedly",
    "separately",
    "further",
    "did",
    "does",
    "publicly",
];

/// English month names.
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
/// True when `word` is one of `words`. Rules test a token against short word lists hundreds of
/// times per sentence: comparing length and first byte before the bytes skips nearly every call
/// to `memcmp`, which profiling showed as the largest single cost of extraction.
#[inline]
pub fn among(word: &str, words: &[&str]) -> bool {
    among_bytes(word.as_bytes(), words)
}

/// [`among`] for a word given as bytes.
#[inline]
pub fn among_bytes(w: &[u8], words: &[&str]) -> bool {
    match w.first() {
        Some(&first) => words
            .iter()
            .any(|x| x.len() == w.len() && x.as_bytes()[0] == first && same_bytes(x.as_bytes(), w)),
        None => words.contains(&""),
    }
}

/// Byte equality of two slices of the same length, inline: the words are a few bytes long, and a
/// call to `bcmp` for each cost more than the comparison.
#[inline]
pub fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    a.iter().zip(b).all(|(x, y)| x == y)
}

/// True for an English month or weekday name in lower case ("may", "sunday").
pub fn is_month_or_weekday(word: &str) -> bool {
    among(word, &MONTHS) || among(word, &WEEKDAYS)
}

/// English weekday names, Monday first.
pub const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// `text` without its diacritics, lowercased: "Chávez" and "Chavez" name one person.
pub fn folded(text: &str) -> String {
    use unicode_normalization::{UnicodeNormalization, char::is_combining_mark};
    if text.is_ascii() {
        return text.to_lowercase();
    }
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// `text` with its first letter in upper case.
pub fn capitalised(text: &str) -> String {
    let mut c = text.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// Where a title counts: see [`PERSON_TITLES`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TitleUse {
    /// An office or courtesy: people finding makes "Officer Keller" a person with that title,
    /// and place finding reads "President Jordan" as a person.
    Both,
    /// An office people finding knows, too weak alone before a place name ("Corps Commander
    /// Peshawar" is at Peshawar).
    People,
    /// A word that only shows a name follows, no office of its own ("St. Mark", "Deputy
    /// Minister"): place finding only.
    Names,
}

use TitleUse::{Both, Names, People};

/// Titles that stand before a person's name ("Prime Minister Fumio Kishida", "Gen. Lee", "Sir
/// Keir"), lowercase with their periods, longer forms before the shorter ones they contain, and
/// which recogniser reads each. People finding reads them as token sequences; place finding
/// asks whether the word right before a name ends one ([`is_title_word`]).
pub const PERSON_TITLES: &[(&str, TitleUse)] = &[
    ("assistant secretary of state", People),
    ("deputy secretary of state", People),
    ("under secretary of state", People),
    ("assistant secretary", People),
    ("deputy secretary", People),
    ("under secretary", People),
    ("deputy prime minister", Both),
    ("chief cabinet secretary", Both),
    ("national security adviser", People),
    ("national security advisor", People),
    ("secretary of state", People),
    ("secretary of defense", People),
    ("prime minister", Both),
    ("vice president", Both),
    ("foreign minister", Both),
    ("defense minister", Both),
    ("defence minister", Both),
    ("finance minister", Both),
    ("trade minister", Both),
    ("interior minister", Both),
    ("unification minister", Both),
    ("defense secretary", Both),
    ("defence secretary", Both),
    ("foreign secretary", Both),
    ("home secretary", Both),
    ("supreme leader", People),
    ("crown prince", Both),
    ("secretary general", Both),
    ("attorney general", Both),
    ("district attorney", People),
    ("police chief", People),
    ("field marshal", Both),
    ("chief executive", People),
    ("secretary-general", People),
    ("president", Both),
    ("premier", Both),
    ("chancellor", Both),
    ("minister", Both),
    ("secretary", Both),
    ("king", Both),
    ("queen", Both),
    ("prince", Both),
    ("princess", Both),
    ("emperor", People),
    ("leader", People),
    ("chairman", Both),
    ("chairwoman", People),
    ("chair", People),
    ("general", Both),
    ("gen.", Both),
    ("admiral", Both),
    ("adm.", People),
    ("ambassador", Both),
    ("envoy", People),
    ("senator", Both),
    ("sen.", Both),
    ("rep.", Both),
    ("representative", Both),
    ("governor", Both),
    ("gov.", Both),
    ("mayor", Both),
    ("spokesman", People),
    ("spokeswoman", People),
    ("spokesperson", People),
    ("pope", Both),
    ("speaker", Both),
    ("commander", People),
    ("colonel", Both),
    ("col.", Both),
    ("lieutenant", Both),
    ("lt.", Both),
    ("captain", Both),
    ("sheikh", Both),
    ("ayatollah", People),
    ("judge", Both),
    ("justice", Both),
    ("sheriff", People),
    ("sergeant", Both),
    ("corporal", Both),
    ("cpl.", Both),
    ("sgt.", Both),
    ("detective", Both),
    ("inspector", People),
    ("constable", People),
    ("const.", People),
    ("superintendent", People),
    ("professor", Both),
    ("prof.", Both),
    ("director", People),
    ("councillor", Both),
    ("councilman", Both),
    ("councilwoman", People),
    ("coach", Both),
    ("cardinal", People),
    ("archbishop", People),
    ("bishop", People),
    ("rabbi", People),
    ("imam", People),
    ("mr.", Both),
    ("mrs.", Both),
    ("ms.", Both),
    ("dr.", Both),
    ("mr", Both),
    ("mrs", Both),
    ("ms", Both),
    ("dr", Both),
    ("miss", Both),
    ("capt.", Both),
    ("rev.", Both),
    ("sir", Both),
    ("dame", Both),
    ("lord mayor", Both),
    ("lord", Both),
    ("lady", Both),
    ("officer", Both),
    ("commissioner", Both),
    ("sister", Names),
    ("brother", Names),
    ("father", Names),
    ("saint", Names),
    ("st.", Names),
    ("deputy", Names),
    ("dean", Names),
];

/// True when `word`, as written, is capitalised and ends a title place finding reads ("Minister",
/// "Gen.", "St."): a name right after it is a person's.
pub fn is_title_word(word: &str) -> bool {
    static LAST_WORDS: std::sync::LazyLock<rustc_hash::FxHashSet<&'static str>> =
        std::sync::LazyLock::new(|| {
            PERSON_TITLES
                .iter()
                .filter(|(_, u)| *u != People)
                .filter_map(|(t, _)| t.rsplit(' ').next())
                .collect()
        });
    word.starts_with(char::is_uppercase) && LAST_WORDS.contains(word.to_lowercase().as_str())
}

/// Common Chinese, Korean and Vietnamese family names, which come first in a name ("Xi
/// Jinping", "Kim Jong Un", "Nguyen Phu Trong"), as romanised in English news.
pub const EAST_ASIAN_FAMILY_NAMES: &[&str] = &[
    "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma",
    "Zhu", "Hu", "Guo", "He", "Gao", "Lin", "Luo", "Zheng", "Liang", "Xie", "Song", "Tang", "Han",
    "Feng", "Deng", "Cao", "Peng", "Zeng", "Xiao", "Tian", "Dong", "Pan", "Yuan", "Cai", "Jiang",
    "Yu", "Du", "Ye", "Cheng", "Wei", "Su", "Lu", "Ding", "Ren", "Shen", "Yao", "Xi", "Hua", "Qin",
    "Wen", "Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Oh", "Seo",
    "Shin", "Kwon", "Hwang", "Ahn", "Yoo", "Hong", "Moon", "Ban", "Roh", "Chun", "Rhee", "Nguyen",
    "Tran", "Le", "Pham", "Hoang", "Phan", "Vu", "Dang", "Bui", "Do", "Ho", "Ngo", "Duong", "Ly",
    "Vo", "Lai", "Tsai", "Chiang", "Lam", "Leung", "Chan", "Wong",
];

/// Given names that, in the news, nearly always belong to one gender. Written for this table;
/// names that belong to both ("Jean", "Kim", "Andrea") are left out on purpose.
pub const FEMALE_NAMES: &[&str] = &[
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
pub const MALE_NAMES: &[&str] = &[
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

/// True for a given name of [`FEMALE_NAMES`] or [`MALE_NAMES`]: names of people in world news,
/// many of which ("Barack", "Kamala", "Olaf") the gazetteer's US census list lacks.
pub fn is_news_given_name(word: &str) -> bool {
    // ("Marine" names Le Pen, but far more often the Marine Corps.)
    word != "Marine" && (among(word, FEMALE_NAMES) || among(word, MALE_NAMES))
}

/// Numbers written as words, as counts of people give them.
pub const NUMBER_WORDS: &[&str] = &[
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "hundreds",
    "dozens",
    "dozen",
    "thousands",
];

/// Which part of a country a place phrase names: "the Western town of Żagań", "into southern
/// Israel".
pub const PART_OF_COUNTRY: &[&str] = &[
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
];

/// What a country's name can stand before as its owner: "at US bases", "into Israeli
/// positions".
pub const COUNTRY_OWNED: &[&str] = &[
    "bases",
    "base",
    "troops",
    "forces",
    "positions",
    "ships",
    "vessels",
    "embassy",
    "targets",
    "soldiers",
    "territory",
    "military",
    "warships",
    "facilities",
];

/// What is fired, dropped or thrown at someone: "rockets into Israel" aims at Israel, it does not
/// only place the firing there.
pub const PROJECTILES: &[&str] = &[
    "rocket",
    "rockets",
    "missile",
    "missiles",
    "shells",
    "mortars",
    "rounds",
    "bombs",
    "artillery",
    "grenades",
    "stones",
    "rocks",
    "bullets",
    "shots",
    "torpedoes",
    "projectiles",
    "drones",
];

/// Name particles that may stand lowercase inside a name ("Mohammed bin Salman").
pub const NAME_PARTICLES: &[&str] = &[
    "bin", "al", "de", "van", "von", "der", "da", "di", "du", "la", "le", "el", "ibn", "dos", "del",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_words_for_place_finding() {
        assert!(is_title_word("President") && is_title_word("Minister") && is_title_word("Gen."));
        assert!(is_title_word("St."), "a name follows, though no office");
        assert!(!is_title_word("president"), "capitalised only");
        assert!(!is_title_word("Commander"), "too weak before a place");
        assert!(!is_title_word("State"));
        assert!(is_month_or_weekday("sunday") && !is_month_or_weekday("sun"));
        assert_eq!(capitalised("élan"), "Élan");
    }
}
