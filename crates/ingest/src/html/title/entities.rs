//! HTML entities left in a title after parsing: a page that escapes twice (`&amp;#8217;`)
//! reaches us as the text `&#8217;`. Decodes numeric references and the common named ones,
//! a few rounds deep; anything else (an unknown name, a bare `&`) stays as written.
//! Pure string work: no DOM, never panics.

/// At most this many decoding rounds (`&amp;amp;#39;` needs three).
const MAX_ROUNDS: usize = 3;

/// `text` with leftover entity references decoded.
pub fn decode(text: &str) -> String {
    let mut out = text.to_string();
    for _ in 0..MAX_ROUNDS {
        if !out.contains('&') {
            break;
        }
        let next = decode_once(&out);
        if next == out {
            break;
        }
        out = next;
    }
    out
}

/// One pass over `text`, each reference decoded once.
fn decode_once(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        match reference(after) {
            Some((decoded, used)) => {
                out.push(decoded);
                rest = &after[used..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The character a reference at the start of `after` (the text after `&`) names, and the
/// bytes it spans including its `;`.
fn reference(after: &str) -> Option<(char, usize)> {
    let end = after.get(..after.len().min(12))?.find(';')?;
    let name = &after[..end];
    let decoded = match name.strip_prefix('#') {
        Some(number) => numeric(number)?,
        None => named(name)?,
    };
    Some((decoded, end + 1))
}

fn numeric(number: &str) -> Option<char> {
    let code = match number.strip_prefix(['x', 'X']) {
        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
        None => number.parse().ok()?,
    };
    char::from_u32(code).filter(|c| *c != '\0')
}

fn named(name: &str) -> Option<char> {
    let c = match name {
        "amp" => '&',
        "quot" => '"',
        "apos" => '\'',
        "lt" => '<',
        "gt" => '>',
        "nbsp" => ' ',
        "rsquo" => '’',
        "lsquo" => '‘',
        "rdquo" => '”',
        "ldquo" => '“',
        "sbquo" => '‚',
        "bdquo" => '„',
        "laquo" => '«',
        "raquo" => '»',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "middot" => '·',
        "bull" => '•',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "euro" => '€',
        "pound" => '£',
        "eacute" => 'é',
        "egrave" => 'è',
        "aacute" => 'á',
        "agrave" => 'à',
        "oacute" => 'ó',
        "iacute" => 'í',
        "uacute" => 'ú',
        "ntilde" => 'ñ',
        "ccedil" => 'ç',
        "auml" => 'ä',
        "ouml" => 'ö',
        "uuml" => 'ü',
        "Auml" => 'Ä',
        "Ouml" => 'Ö',
        "Uuml" => 'Ü',
        "szlig" => 'ß',
        _ => return None,
    };
    Some(c)
}
