//! One JSON shape per struct: a struct decodes from an object with named fields, never from
//! the array of its values.
//!
//! serde's derived `Deserialize` for a struct (or a struct variant) accepts a sequence in
//! field order as well as a map, so `[ "…", true ]` would read as a value whose fields were
//! never named. Every public type with a JSON form opts out of that with
//! `#[serde(remote = "Self")]`, which turns the derived code into the inherent functions
//! `Type::serialize` and `Type::deserialize`, and with [`map_shaped!`], which writes the trait
//! impls around them:
//!
//! - `Serialize` calls the derived code unchanged, so the bytes written are those of the
//!   derive (the golden audit logs are compared byte for byte).
//! - `Deserialize` runs the derived code on [`MapShaped`], a deserializer that forwards every
//!   request to the real one, except that where the derived code asks for a struct, a map,
//!   any value (internally tagged enums) or a struct variant (externally tagged enums), the
//!   visitor it passes accepts a map only. A sequence is then refused by the format itself
//!   with a typed error (`invalid type: sequence, expected struct Policy as an object`).
//!
//! Forwarding `deserialize_struct` with its field list (rather than asking for a map) keeps
//! `#[serde(flatten)]` working: a flattened struct takes only its own fields from the
//! flattening buffer, so `deny_unknown_fields` on the outer struct still sees the rest.
//! Container attributes (`deny_unknown_fields`, `default`, `try_from`, `rename_all`, `tag`)
//! stay with the derived code and work as before.
//!
//! Only human-readable formats are restricted: compact binary formats (bincode, postcard)
//! write a struct as the sequence of its values, and that is their only form of it.
//!
//! Caveat of `remote = "Self"`: a path call `Type::deserialize(d)` names the inherent derived
//! function, which still takes both shapes; `serde_json::from_*` and
//! `<Type as Deserialize>::deserialize(d)` go through the trait and refuse arrays.

use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, EnumAccess, MapAccess, VariantAccess, Visitor};

/// A deserializer whose struct-shaped requests accept a map only.
pub(crate) struct MapShaped<D>(pub(crate) D);

/// A visitor that takes a map and nothing else (a sequence falls to serde's default
/// `visit_seq`, an `invalid type` error naming what was expected).
struct MapOnly<V>(V);

impl<'de, V: Visitor<'de>> Visitor<'de> for MapOnly<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.expecting(f)?;
        f.write_str(" as an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        self.0.visit_map(map)
    }
}

/// The visitor of an externally tagged enum, whose struct variants accept a map only.
struct VariantsMapOnly<V>(V);

impl<'de, V: Visitor<'de>> Visitor<'de> for VariantsMapOnly<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.expecting(f)
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<Self::Value, A::Error> {
        self.0.visit_enum(MapShapedEnum(data))
    }
}

struct MapShapedEnum<A>(A);

impl<'de, A: EnumAccess<'de>> EnumAccess<'de> for MapShapedEnum<A> {
    type Error = A::Error;
    type Variant = MapShapedVariant<A::Variant>;

    fn variant_seed<S: DeserializeSeed<'de>>(
        self,
        seed: S,
    ) -> Result<(S::Value, Self::Variant), Self::Error> {
        self.0
            .variant_seed(seed)
            .map(|(value, variant)| (value, MapShapedVariant(variant)))
    }
}

struct MapShapedVariant<A>(A);

impl<'de, A: VariantAccess<'de>> VariantAccess<'de> for MapShapedVariant<A> {
    type Error = A::Error;

    fn unit_variant(self) -> Result<(), Self::Error> {
        self.0.unit_variant()
    }

    fn newtype_variant_seed<S: DeserializeSeed<'de>>(
        self,
        seed: S,
    ) -> Result<S::Value, Self::Error> {
        self.0.newtype_variant_seed(seed)
    }

    fn tuple_variant<V: Visitor<'de>>(
        self,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.tuple_variant(len, visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.struct_variant(fields, MapOnly(visitor))
    }
}

/// Forwards `deserialize_*` methods unchanged.
macro_rules! forward {
    ($($method:ident($($arg:ident: $ty:ty),*);)*) => {$(
        fn $method<V: Visitor<'de>>(
            self,
            $($arg: $ty,)*
            visitor: V,
        ) -> Result<V::Value, Self::Error> {
            self.0.$method($($arg,)* visitor)
        }
    )*};
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for MapShaped<D> {
    type Error = D::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        self.0.deserialize_any(MapOnly(visitor))
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        self.0.deserialize_map(MapOnly(visitor))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.deserialize_struct(name, fields, MapOnly(visitor))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0
            .deserialize_enum(name, variants, VariantsMapOnly(visitor))
    }

    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }

    forward! {
        deserialize_bool();
        deserialize_i8();
        deserialize_i16();
        deserialize_i32();
        deserialize_i64();
        deserialize_i128();
        deserialize_u8();
        deserialize_u16();
        deserialize_u32();
        deserialize_u64();
        deserialize_u128();
        deserialize_f32();
        deserialize_f64();
        deserialize_char();
        deserialize_str();
        deserialize_string();
        deserialize_bytes();
        deserialize_byte_buf();
        deserialize_option();
        deserialize_unit();
        deserialize_unit_struct(name: &'static str);
        deserialize_newtype_struct(name: &'static str);
        deserialize_seq();
        deserialize_tuple(len: usize);
        deserialize_tuple_struct(name: &'static str, len: usize);
        deserialize_identifier();
        deserialize_ignored_any();
    }
}

/// Writes `Serialize` and `Deserialize` for types that derive them with
/// `#[serde(remote = "Self")]`: serialization unchanged, deserialization through
/// [`MapShaped`] in human-readable formats (see the module documentation).
///
/// Use it for named-field structs, internally tagged enums, and externally tagged enums with
/// struct variants.
macro_rules! map_shaped {
    ($($ty:ty),* $(,)?) => {$(
        impl ::serde::Serialize for $ty {
            fn serialize<__S: ::serde::Serializer>(
                &self,
                serializer: __S,
            ) -> ::core::result::Result<__S::Ok, __S::Error> {
                <$ty>::serialize(self, serializer)
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $ty {
            fn deserialize<__D: ::serde::Deserializer<'de>>(
                deserializer: __D,
            ) -> ::core::result::Result<Self, __D::Error> {
                if ::serde::Deserializer::is_human_readable(&deserializer) {
                    <$ty>::deserialize($crate::serde_shape::MapShaped(deserializer))
                } else {
                    <$ty>::deserialize(deserializer)
                }
            }
        }
    )*};
}

pub(crate) use map_shaped;
