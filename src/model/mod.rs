//! Domain vocabulary: regions, parties, actors, affairs, kinds, documents and records.

mod actor;
mod affair;
mod document;
mod kind;
mod party;
mod record;
mod region;

pub use actor::{Actor, Role};
pub use affair::{Urusan, UrusanGroup};
pub use document::{
    Clause, Document, DocumentId, DocumentKind, DocumentNumber, Signatory, SignatoryCapacity,
    SuratKuasa, Term,
};
pub use kind::{
    CooperationId, CooperationKind, CooperationObject, Initiative, KsddCategory, KsdpkType,
    OffPlanReason, Track,
};
pub use party::{
    BusinessEntity, DprdGate, Funding, FundingSource, Party, PartyId, Rupiah, ThirdParty,
    ThirdPartyKind,
};
pub use record::{
    AffairsMapping, Criterion, DisputeForum, Evaluation, EvaluationOutcome, Feasibility,
    FeasibilityStudy, FollowUp, InitiativeCriteria, LawfulnessAttestation, OfferLetter,
    PartyCompliance, Recommendation, Record, ReviewPoint, Takeover, TakeoverBy, TkksdReview,
    WeightedCriterion,
};
pub use region::{
    BorderTable, CoordinationLevel, KodeWilayah, ParseKodeError, Region, RegionLevel, WajibPairing,
    coordination_level,
};
