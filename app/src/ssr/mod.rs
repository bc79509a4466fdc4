//! Server-only parts of the app: state, sessions, password hashing and the national
//! registers (simulated). Compiled only with the `ssr` feature; nothing here reaches wasm.
pub mod client;
pub mod cpr_register;
pub mod cvr_register;
pub mod fonts;
pub mod guard;
pub mod labour_market;
pub mod limits;
pub mod oidc;
pub mod passwords;
pub mod session;
pub mod state;
