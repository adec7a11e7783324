//! Tests of the whole text pass on invented articles (never seed text).

use super::*;
