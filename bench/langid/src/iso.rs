//! Language codes: every label and every answer is mapped to one canonical ISO 639-3 code before
//! comparison. Macrolanguages and their main member count as one (`cmn` = `zho`, `nob` = `nno` =
//! `nor`, `pes` = `fas`, `arb` = `ara`, `zsm`/`zlm` = `msa`, …): no label here tells them apart.
//! Close pairs that are separate languages (es/pt, da/no/sv, cs/sk, hr/sr/bs, id/ms) stay apart.

/// ISO 639-1 → ISO 639-3 for the languages any candidate or label can name.
#[rustfmt::skip]
const ISO1: &[(&str, &str)] = &[
    ("af", "afr"), ("am", "amh"), ("ar", "ara"), ("az", "aze"), ("be", "bel"), ("bg", "bul"),
    ("bn", "ben"), ("bs", "bos"), ("ca", "cat"), ("cs", "ces"), ("cy", "cym"), ("da", "dan"),
    ("de", "deu"), ("el", "ell"), ("en", "eng"), ("eo", "epo"), ("es", "spa"), ("et", "est"),
    ("eu", "eus"), ("fa", "fas"), ("fi", "fin"), ("fr", "fra"), ("ga", "gle"), ("gl", "glg"),
    ("gu", "guj"), ("he", "heb"), ("hi", "hin"), ("hr", "hrv"), ("hu", "hun"), ("hy", "hye"),
    ("id", "ind"), ("is", "isl"), ("it", "ita"), ("ja", "jpn"), ("jv", "jav"), ("ka", "kat"),
    ("kk", "kaz"), ("km", "khm"), ("kn", "kan"), ("ko", "kor"), ("la", "lat"), ("lg", "lug"),
    ("lt", "lit"), ("lv", "lav"), ("mi", "mri"), ("mk", "mkd"), ("ml", "mal"), ("mn", "mon"),
    ("mr", "mar"), ("ms", "msa"), ("my", "mya"), ("nb", "nor"), ("ne", "nep"), ("nl", "nld"),
    ("nn", "nor"), ("no", "nor"), ("or", "ori"), ("pa", "pan"), ("pl", "pol"), ("pt", "por"),
    ("ro", "ron"), ("ru", "rus"), ("si", "sin"), ("sk", "slk"), ("sl", "slv"), ("sn", "sna"),
    ("so", "som"), ("sq", "sqi"), ("sr", "srp"), ("st", "sot"), ("sv", "swe"), ("sw", "swa"),
    ("ta", "tam"), ("te", "tel"), ("th", "tha"), ("tk", "tuk"), ("tl", "tgl"), ("tn", "tsn"),
    ("tr", "tur"), ("ts", "tso"), ("uk", "ukr"), ("ur", "urd"), ("uz", "uzb"), ("vi", "vie"),
    ("xh", "xho"), ("yi", "yid"), ("yo", "yor"), ("zh", "zho"), ("zu", "zul"), ("ky", "kir"),
    ("lb", "ltz"), ("mg", "mlg"), ("mt", "mlt"), ("ps", "pus"), ("qu", "que"), ("rw", "kin"),
    ("sd", "snd"), ("tg", "tgk"), ("ug", "uig"), ("oc", "oci"), ("fo", "fao"), ("br", "bre"),
    ("an", "arg"), ("as", "asm"), ("ht", "hat"), ("nr", "nbl"), ("se", "sme"), ("ku", "kur"),
    ("dz", "dzo"), ("fy", "fry"), ("gd", "gla"), ("lo", "lao"), ("wa", "wln"), ("ia", "ina"),
    ("ln", "lin"), ("rm", "roh"), ("ti", "tir"), ("ha", "hau"), ("ig", "ibo"), ("ny", "nya"),
    ("co", "cos"), ("haw", "haw"), ("hmn", "hmn"), ("ceb", "ceb"), ("fil", "tgl"),
    ("iw", "heb"), ("in", "ind"), ("ji", "yid"),
];

/// Individual language → the macrolanguage (or plain code) we compare on.
#[rustfmt::skip]
const MACRO: &[(&str, &str)] = &[
    ("cmn", "zho"), ("chi", "zho"), ("nob", "nor"), ("nno", "nor"), ("pes", "fas"),
    ("prs", "fas"), ("per", "fas"), ("arb", "ara"), ("zsm", "msa"), ("zlm", "msa"),
    ("may", "msa"), ("ekk", "est"), ("lvs", "lav"), ("als", "sqi"), ("alb", "sqi"),
    ("azj", "aze"), ("uzn", "uzb"), ("swh", "swa"), ("khk", "mon"), ("ger", "deu"),
    ("fre", "fra"), ("dut", "nld"), ("cze", "ces"), ("slo", "slk"), ("rum", "ron"),
    ("gre", "ell"), ("arm", "hye"), ("geo", "kat"), ("ice", "isl"), ("mac", "mkd"),
    ("wel", "cym"), ("baq", "eus"), ("bur", "mya"), ("fil", "tgl"),
];

/// The canonical ISO 639-3 code of a tag (`en`, `en-GB`, `eng`, `cmn`, `zh-Hant`, `sr_Latn`);
/// `None` for an empty or unknown-shape tag.
pub fn canon(tag: &str) -> Option<String> {
    let primary = tag.split(['-', '_']).next()?.trim().to_ascii_lowercase();
    let three = match primary.len() {
        2 => ISO1.iter().find(|(a, _)| *a == primary)?.1.to_string(),
        3 => primary,
        _ => return None,
    };
    Some(match MACRO.iter().find(|(a, _)| *a == three) {
        Some((_, m)) => m.to_string(),
        None => three,
    })
}

#[cfg(test)]
mod tests {
    use super::canon;

    #[test]
    fn tags_map_to_one_code() {
        assert_eq!(canon("en-GB").as_deref(), Some("eng"));
        assert_eq!(canon("cmn").as_deref(), Some("zho"));
        assert_eq!(canon("zh-Hant").as_deref(), Some("zho"));
        assert_eq!(canon("nb").as_deref(), Some("nor"));
        assert_eq!(canon("nob").as_deref(), Some("nor"));
        assert_eq!(canon("sr_Latn").as_deref(), Some("srp"));
        assert_eq!(canon("xx-Qaai"), None);
    }
}
