//! How the detail view cites a source: one line of text and, where the source has an address,
//! a link. Seeds that are public encyclopedia articles link to the cited section.

use crate::data::{Catalog, SourceRef};
use crate::url::percent_encode;

/// A source as shown to the reader.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Citation {
    pub text: String,
    pub href: Option<String>,
}

/// The citation for one source entry. Unknown ids (impossible in validated data) fall back
/// to the id itself rather than failing.
pub fn cite(source: &SourceRef, catalog: &Catalog) -> Citation {
    match source {
        SourceRef::Seed { seed, section } => match catalog.source(seed) {
            Some(doc) => Citation {
                text: format!("{} ({}, {}) — {section}", doc.title, doc.publisher, doc.date),
                href: doc.url.as_ref().map(|url| match section.as_str() {
                    "introduction" => url.clone(),
                    _ => format!("{url}#{}", section_anchor(section)),
                }),
            },
            None => Citation { text: format!("{seed} — {section}"), href: None },
        },
        SourceRef::Reference { reference, at } => {
            let at = at.as_ref().map(|a| format!(", {a}")).unwrap_or_default();
            match catalog.reference(reference) {
                Some(r) => {
                    let text = match &r.date {
                        // A dated report or statement: who, what, where, when.
                        Some(date) if r.publisher != r.author => {
                            format!("{}, {}, {}, {date}{at}", r.author, r.title, r.publisher)
                        }
                        Some(date) => format!("{}, {}, {date}{at}", r.author, r.title),
                        None => format!("{}, {} ({}, {}){at}", r.author, r.title, r.publisher, r.year),
                    };
                    Citation { text, href: r.url.clone() }
                }
                None => Citation { text: format!("{reference}{at}"), href: None },
            }
        }
    }
}

/// The fragment MediaWiki gives a heading: spaces become underscores, and anything outside
/// a safe ASCII set (with `:`) is percent-encoded as UTF-8.
pub fn section_anchor(heading: &str) -> String {
    percent_encode(&heading.replace(' ', "_"), |b| b == b':')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_follow_mediawiki() {
        assert_eq!(section_anchor("Clashes of empires"), "Clashes_of_empires");
        assert_eq!(section_anchor("1990–present"), "1990%E2%80%93present");
        assert_eq!(
            section_anchor("Normalisation of ties and beyond: 2016–present"),
            "Normalisation_of_ties_and_beyond:_2016%E2%80%93present"
        );
    }

    #[test]
    fn seeds_link_to_their_section_and_references_name_author_title_and_year() {
        let c = Catalog::bundled().unwrap();
        let seed = SourceRef::Seed { seed: "000_af6ab84ff58981a0.txt".into(), section: "Clashes of empires".into() };
        let cited = cite(&seed, &c);
        assert_eq!(
            cited.href.as_deref(),
            Some("https://en.wikipedia.org/wiki/Russia%E2%80%93Turkey_relations#Clashes_of_empires")
        );
        assert!(cited.text.ends_with("— Clashes of empires"), "{}", cited.text);
        let news = SourceRef::Seed { seed: "003_0e1b0932b32582ee.txt".into(), section: "paragraph 3".into() };
        assert_eq!(cite(&news, &c).href, None, "a news piece without an address has no link");
        let book = SourceRef::Reference { reference: "anderson-1966".into(), at: Some("ch. 5".into()) };
        assert_eq!(
            cite(&book, &c).text,
            "Anderson, M. S., The Eastern Question, 1774–1923: A Study in International Relations (Macmillan, 1966), ch. 5"
        );
    }

    /// Every cited source in the bundled data resolves to a full citation, and each seed
    /// section cited is one the seed has.
    #[test]
    fn every_bundled_source_cites_fully() {
        let c = Catalog::bundled().unwrap();
        let all =
            c.events.iter().flat_map(|e| e.sources.iter()).chain(c.territories.iter().flat_map(|t| t.sources.iter()));
        for s in all {
            let cited = cite(s, &c);
            assert!(cited.text.contains(", ") && !cited.text.starts_with(' '), "{cited:?}");
        }
    }
}
