//! Raw deflate (RFC 1951) for share links, kept at the edge of the domain: natively with
//! `miniz_oxide`, in the browser with the platform's `CompressionStream` and
//! `DecompressionStream` (format "deflate-raw"), so the module carries no compressor of its
//! own. Inflating stops at a byte limit on both sides, so a payload that inflates without end
//! costs at most that much.

#[cfg(not(target_arch = "wasm32"))]
use atlas_core::plan::share::InflateError;

/// `bytes` compressed as raw deflate, at the best compression.
#[cfg(not(target_arch = "wasm32"))]
pub fn deflate(bytes: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec(bytes, 10)
}

/// Raw deflate data inflated, refusing to produce more than `limit` bytes.
#[cfg(not(target_arch = "wasm32"))]
pub fn inflate(bytes: &[u8], limit: usize) -> Result<Vec<u8>, InflateError> {
    use miniz_oxide::inflate::{decompress_to_vec_with_limit, TINFLStatus};
    decompress_to_vec_with_limit(bytes, limit).map_err(|e| match e.status {
        TINFLStatus::HasMoreOutput => InflateError::TooLarge,
        _ => InflateError::Corrupt,
    })
}

/// What the app calls, the same on both sides: natively (prerendering, tests) the functions
/// above, in the browser its own streams.
#[cfg(not(target_arch = "wasm32"))]
pub async fn compress(bytes: &[u8]) -> Result<Vec<u8>, String> {
    Ok(deflate(bytes))
}

/// See [`compress`].
#[cfg(not(target_arch = "wasm32"))]
pub async fn decompress(bytes: &[u8], limit: usize) -> Result<Vec<u8>, InflateError> {
    inflate(bytes, limit)
}

#[cfg(target_arch = "wasm32")]
pub use web::{compress, decompress};

#[cfg(target_arch = "wasm32")]
mod web {
    use atlas_core::plan::share::InflateError;
    use js_sys::{Promise, Reflect, Uint8Array};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::{spawn_local, JsFuture};

    const FORMAT: &str = "deflate-raw";

    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_name = CompressionStream)]
        type Compressor;
        #[wasm_bindgen(catch, constructor, js_class = "CompressionStream")]
        fn new(format: &str) -> Result<Compressor, JsValue>;
        #[wasm_bindgen(method, getter)]
        fn writable(this: &Compressor) -> Writable;
        #[wasm_bindgen(method, getter)]
        fn readable(this: &Compressor) -> Readable;

        #[wasm_bindgen(js_name = DecompressionStream)]
        type Decompressor;
        #[wasm_bindgen(catch, constructor, js_class = "DecompressionStream")]
        fn new(format: &str) -> Result<Decompressor, JsValue>;
        #[wasm_bindgen(method, getter)]
        fn writable(this: &Decompressor) -> Writable;
        #[wasm_bindgen(method, getter)]
        fn readable(this: &Decompressor) -> Readable;

        type Writable;
        #[wasm_bindgen(method, js_name = getWriter)]
        fn get_writer(this: &Writable) -> Writer;
        type Writer;
        #[wasm_bindgen(method)]
        fn write(this: &Writer, chunk: &Uint8Array) -> Promise;
        #[wasm_bindgen(method)]
        fn close(this: &Writer) -> Promise;

        type Readable;
        #[wasm_bindgen(method, js_name = getReader)]
        fn get_reader(this: &Readable) -> Reader;
        type Reader;
        #[wasm_bindgen(method)]
        fn read(this: &Reader) -> Promise;
        #[wasm_bindgen(method)]
        fn cancel(this: &Reader) -> Promise;
    }

    /// Why a stream stopped.
    enum Stop {
        Failed,
        Limit,
    }

    /// Writes `input` to a transform's writable side and reads its readable side to the end,
    /// stopping once more than `limit` bytes came out.
    async fn pump(
        writable: Writable,
        readable: Readable,
        input: &[u8],
        limit: usize,
    ) -> Result<Vec<u8>, Stop> {
        let writer = writable.get_writer();
        // Not awaited before reading: the transform holds output until it is read. Their
        // failures surface on the reading side; here they only must not go unhandled.
        for promise in [writer.write(&Uint8Array::from(input)), writer.close()] {
            spawn_local(async move {
                let _ = JsFuture::from(promise).await;
            });
        }
        let reader = readable.get_reader();
        let mut out = Vec::new();
        loop {
            let step = JsFuture::from(reader.read())
                .await
                .map_err(|_| Stop::Failed)?;
            let done = Reflect::get(&step, &JsValue::from_str("done"))
                .ok()
                .and_then(|d| d.as_bool())
                .unwrap_or(true);
            if done {
                return Ok(out);
            }
            let chunk = Reflect::get(&step, &JsValue::from_str("value"))
                .ok()
                .and_then(|v| v.dyn_into::<Uint8Array>().ok())
                .ok_or(Stop::Failed)?;
            let start = out.len();
            let len = chunk.length() as usize;
            if start + len > limit {
                spawn_local(async move {
                    let _ = JsFuture::from(reader.cancel()).await;
                });
                return Err(Stop::Limit);
            }
            out.resize(start + len, 0);
            chunk.copy_to(&mut out[start..]);
        }
    }

    /// `bytes` compressed as raw deflate by the browser; the error says why it could not.
    pub async fn compress(bytes: &[u8]) -> Result<Vec<u8>, String> {
        let unsupported = || "this browser cannot compress (no CompressionStream)".to_owned();
        let stream = Compressor::new(FORMAT).map_err(|_| unsupported())?;
        pump(stream.writable(), stream.readable(), bytes, usize::MAX)
            .await
            .map_err(|_| "the browser could not compress the plan".to_owned())
    }

    /// Raw deflate data inflated by the browser, refusing to produce more than `limit` bytes.
    pub async fn decompress(bytes: &[u8], limit: usize) -> Result<Vec<u8>, InflateError> {
        let stream = Decompressor::new(FORMAT).map_err(|_| InflateError::Corrupt)?;
        pump(stream.writable(), stream.readable(), bytes, limit)
            .await
            .map_err(|stop| match stop {
                Stop::Failed => InflateError::Corrupt,
                Stop::Limit => InflateError::TooLarge,
            })
    }
}
