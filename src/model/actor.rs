//! Actors: the office that performs or records a step (RULES.md §4.4).
//!
//! An actor is not a signatory: a clerk of the cooperation unit may record the signing of a KB
//! by the heads of region; the signatories are data on the document ([`super::Signatory`]).

use std::fmt;

use serde::{Deserialize, Serialize};

use super::party::PartyId;
use super::region::KodeWilayah;

/// The roles of RULES.md §4.4.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Role {
    /// Head of region (kepala daerah: gubernur, bupati, wali kota; acting heads included).
    KepalaDaerah,
    /// Official holding a surat kuasa to sign the PKS (pejabat yang diberi kuasa).
    AuthorisedOfficial,
    /// Regional apparatus (organisasi perangkat daerah, OPD).
    Opd,
    /// Regional cooperation coordination team (Tim Koordinasi Kerja Sama Daerah).
    Tkksd,
    /// Cooperation unit (Bagian/Biro Kerja Sama) of the regional secretariat.
    CooperationUnit,
    /// Regional parliament (Dewan Perwakilan Rakyat Daerah).
    Dprd,
    /// Governor as representative of the central government (gubernur sebagai wakil
    /// Pemerintah Pusat, GWPP).
    Governor,
    /// Minister of Home Affairs (Menteri Dalam Negeri).
    Minister,
    /// Technical minister or head of a non-ministerial agency (menteri teknis / kepala LPNK).
    TechnicalMinister,
    /// Central government (Pemerintah Pusat).
    CentralGovernment,
    /// A third party (pihak ketiga), through its authorised representative.
    ThirdParty,
}

impl Role {
    /// Every role, for exhaustive authority tests.
    pub const ALL: [Role; 11] = [
        Role::KepalaDaerah,
        Role::AuthorisedOfficial,
        Role::Opd,
        Role::Tkksd,
        Role::CooperationUnit,
        Role::Dprd,
        Role::Governor,
        Role::Minister,
        Role::TechnicalMinister,
        Role::CentralGovernment,
        Role::ThirdParty,
    ];

    /// Whether an actor in this role acts for one region party of the cooperation.
    pub fn is_regional(self) -> bool {
        matches!(
            self,
            Role::KepalaDaerah
                | Role::AuthorisedOfficial
                | Role::Opd
                | Role::Tkksd
                | Role::CooperationUnit
                | Role::Dprd
        )
    }

    /// Indonesian label.
    pub fn label_id(self) -> &'static str {
        match self {
            Role::KepalaDaerah => "kepala daerah",
            Role::AuthorisedOfficial => "pejabat yang diberi kuasa",
            Role::Opd => "perangkat daerah (OPD)",
            Role::Tkksd => "TKKSD",
            Role::CooperationUnit => "Bagian/Biro Kerja Sama",
            Role::Dprd => "DPRD",
            Role::Governor => "gubernur sebagai wakil Pemerintah Pusat",
            Role::Minister => "Menteri Dalam Negeri",
            Role::TechnicalMinister => "menteri teknis/kepala LPNK",
            Role::CentralGovernment => "Pemerintah Pusat",
            Role::ThirdParty => "pihak ketiga",
        }
    }

    /// English label.
    pub fn label_en(self) -> &'static str {
        match self {
            Role::KepalaDaerah => "head of region",
            Role::AuthorisedOfficial => "authorised official",
            Role::Opd => "regional apparatus (OPD)",
            Role::Tkksd => "cooperation coordination team (TKKSD)",
            Role::CooperationUnit => "cooperation unit",
            Role::Dprd => "regional parliament (DPRD)",
            Role::Governor => "governor as central representative",
            Role::Minister => "Minister of Home Affairs",
            Role::TechnicalMinister => "technical minister / LPNK head",
            Role::CentralGovernment => "central government",
            Role::ThirdParty => "third party",
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.label_id(), self.label_en())
    }
}

/// Who performs or records a command: a role, the party (or province) it acts for, a name.
///
/// ```
/// use kerjasama::model::{Actor, Role};
/// let clerk = Actor::new(Role::CooperationUnit, "73.14".parse::<kerjasama::model::KodeWilayah>()?, "Bagian Kerja Sama Setda Sidrap");
/// assert_eq!(clerk.role, Role::CooperationUnit);
/// # Ok::<(), kerjasama::model::ParseKodeError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "Actor")
)]
#[serde(remote = "Self", deny_unknown_fields)]
#[non_exhaustive]
pub struct Actor {
    /// The role acted in.
    pub role: Role,
    /// The party acted for: the region of a regional role or of a governor (its province), the
    /// third party of [`Role::ThirdParty`], none for central roles.
    pub party: Option<PartyId>,
    /// The office or person, for the audit trail.
    pub name: String,
}
crate::serde_shape::map_shaped!(Actor);

impl Actor {
    /// An actor acting for a party.
    pub fn new(role: Role, party: impl Into<PartyId>, name: impl Into<String>) -> Self {
        Actor {
            role,
            party: Some(party.into()),
            name: name.into(),
        }
    }

    /// A central actor (minister, technical minister, central government): it acts for no
    /// party.
    ///
    /// ```
    /// use kerjasama::model::{Actor, Role};
    /// let minister = Actor::central(Role::Minister, "Kementerian Dalam Negeri");
    /// assert_eq!(minister.party, None);
    /// ```
    pub fn central(role: Role, name: impl Into<String>) -> Self {
        Actor {
            role,
            party: None,
            name: name.into(),
        }
    }

    /// The region this actor acts for, if any.
    pub fn region(&self) -> Option<KodeWilayah> {
        match &self.party {
            Some(PartyId::Region(code)) => Some(*code),
            _ => None,
        }
    }
}
