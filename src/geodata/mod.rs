//! The embedded geographic data and its decoders: the Natural Earth basemap ([`basemap`]) and
//! the gazetteer of place names, states and demonyms with its disambiguation rules
//! ([`gazetteer`]). Both assets are compiled into the binary and read in place.
//!
//! This layer decodes and looks up; it never draws (that is `map`) and never reads article text
//! (that is `extract`).

pub mod basemap;
pub mod gazetteer;
