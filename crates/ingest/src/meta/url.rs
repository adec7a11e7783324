//! URL canonicalisation (DESIGN.md, same_url): scheme and host lower-cased, default port,
//! fragment and tracking parameters (`utm_*`, `fbclid`, `gclid`, …) dropped, trailing slash
//! ignored. Returns `None` for anything that is not an absolute http(s) URL.

use url::Url;

const TRACKING_PARAMS: &[&str] = &[
    "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "yclid", "_ga", "ref_src",
    "cmpid", "ocid", "smid", "sr_share",
];

/// The canonical form of an http(s) URL, or `None` when `raw` is not one.
pub fn canonical_url(raw: &str) -> Option<String> {
    let raw = raw.trim().trim_matches(['<', '>', '"', '\'']);
    let mut url = Url::parse(raw).ok()?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
        return None;
    }
    url.set_fragment(None);
    drop_tracking_params(&mut url);
    let path = url.path().to_string();
    if path.len() > 1 && path.ends_with('/') {
        url.set_path(path.trim_end_matches('/'));
    }
    let mut out = url.to_string();
    if url.path() == "/" && url.query().is_none() {
        out.pop();
    }
    Some(out)
}

fn drop_tracking_params(url: &mut Url) {
    let kept: Vec<(String, String)> = url
        .query_pairs()
        .filter(|(k, _)| !is_tracking(k))
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    if kept.is_empty() {
        url.set_query(None);
    } else {
        url.query_pairs_mut().clear().extend_pairs(kept);
    }
}

fn is_tracking(key: &str) -> bool {
    let key = key.to_ascii_lowercase();
    key.starts_with("utm_") || TRACKING_PARAMS.contains(&key.as_str())
}

/// The host of a URL without a leading `www.`, for use as an outlet name.
pub fn host_of(url: &str) -> Option<String> {
    let host = Url::parse(url).ok()?.host_str()?.to_ascii_lowercase();
    Some(host.strip_prefix("www.").unwrap_or(&host).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_form_drops_noise() {
        let c = canonical_url("HTTPS://Example.COM/News/Story/?utm_source=x&id=7&fbclid=y#top");
        assert_eq!(c.as_deref(), Some("https://example.com/News/Story?id=7"));
        assert_eq!(
            canonical_url("<https://example.com/a/>").as_deref(),
            Some("https://example.com/a")
        );
        assert_eq!(
            canonical_url("http://example.com:80/").as_deref(),
            Some("http://example.com")
        );
    }

    #[test]
    fn non_http_is_rejected() {
        assert_eq!(canonical_url("mailto:a@b.c"), None);
        assert_eq!(canonical_url("not a url"), None);
        assert_eq!(canonical_url("/relative/path"), None);
    }

    #[test]
    fn host_strips_www() {
        assert_eq!(
            host_of("https://www.Example.com/x").as_deref(),
            Some("example.com")
        );
    }
}
