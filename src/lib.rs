#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod audit;
pub mod diagram;
mod error;
pub mod law;
pub mod ledger;
pub mod lifecycle;
pub mod model;
pub mod report;
pub mod sample;
mod serde_shape;
pub mod store;
pub mod time;

pub use error::Error;
pub use ledger::Ledger;
